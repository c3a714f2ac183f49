package io.customer360.loader.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WarehouseFlavourTest {

  @Test
  void knowsTheFlavourOfAJdbcUrl() {
    assertThat(WarehouseFlavour.ofJdbcUrl("jdbc:postgresql://127.0.0.1:5433/warehouse"))
        .isEqualTo(WarehouseFlavour.POSTGRESQL);
    assertThat(
            WarehouseFlavour.ofJdbcUrl(
                "jdbc:redshift://c360.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev"))
        .isEqualTo(WarehouseFlavour.REDSHIFT);
    assertThatThrownBy(() -> WarehouseFlavour.ofJdbcUrl("jdbc:mysql://x/y"))
        .hasMessageContaining("jdbc:postgresql: or jdbc:redshift:");
  }

  @Test
  void locksAndTemporaryTablesPerFlavour() {
    assertThat(WarehouseFlavour.POSTGRESQL.lock("order_lines"))
        .isEqualTo("SELECT pg_advisory_xact_lock(hashtext('c360.loader/order_lines'))");
    assertThat(WarehouseFlavour.REDSHIFT.lock("order_lines")).isEqualTo("LOCK ops.load_manifest");
    assertThat(WarehouseFlavour.REDSHIFT.createTempTable("s", "a INTEGER"))
        .isEqualTo("CREATE TEMP TABLE s (a INTEGER)");
    assertThat(WarehouseFlavour.POSTGRESQL.createTempTable("s", "a INTEGER"))
        .isEqualTo("CREATE TEMP TABLE s (a INTEGER) ON COMMIT DROP");
    assertThatThrownBy(() -> WarehouseFlavour.POSTGRESQL.lock("x'); DROP TABLE y; --"))
        .hasMessageContaining("snake_case");
  }
}

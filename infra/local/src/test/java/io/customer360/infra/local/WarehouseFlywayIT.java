package io.customer360.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalPlatformExtension.class)
class WarehouseFlywayIT {

  @Test
  void flywayMigratesAndMergeUpsertsRows(LocalEndpoints endpoints) throws Exception {
    MigrateResult result =
        Flyway.configure()
            .dataSource(endpoints.jdbcUrl(), endpoints.jdbcUser(), "")
            .schemas("flyway_probe")
            .locations("classpath:db/migration")
            .load()
            .migrate();

    assertThat(result.success).isTrue();
    assertThat(result.migrationsExecuted).isEqualTo(1);

    try (Connection connection =
            DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.jdbcUser(), "");
        Statement sql = connection.createStatement()) {
      sql.execute("SET search_path TO flyway_probe");
      sql.execute("INSERT INTO merge_probe VALUES (1, 'old', 10.00), (2, 'kept', 20.00)");
      sql.execute("INSERT INTO merge_probe_stage VALUES (1, 'updated', 11.50), (3, 'new', 30.25)");
      int merged =
          sql.executeUpdate(
              """
              MERGE INTO merge_probe t
              USING merge_probe_stage s ON t.id = s.id
              WHEN MATCHED THEN UPDATE SET name = s.name, total = s.total
              WHEN NOT MATCHED THEN INSERT (id, name, total) VALUES (s.id, s.name, s.total)
              """);

      Map<Integer, String> rows = new LinkedHashMap<>();
      BigDecimal sum;
      try (ResultSet rs = sql.executeQuery("SELECT id, name FROM merge_probe ORDER BY id")) {
        while (rs.next()) {
          rows.put(rs.getInt(1), rs.getString(2));
        }
      }
      try (ResultSet rs = sql.executeQuery("SELECT sum(total) FROM merge_probe")) {
        rs.next();
        sum = rs.getBigDecimal(1);
      }
      try (ResultSet rs = sql.executeQuery("SHOW server_version_num")) {
        rs.next();
        assertThat(Integer.parseInt(rs.getString(1))).isGreaterThanOrEqualTo(170000);
      }

      assertThat(merged).isEqualTo(2);
      assertThat(rows)
          .containsExactly(Map.entry(1, "updated"), Map.entry(2, "kept"), Map.entry(3, "new"));
      assertThat(sum).isEqualByComparingTo("61.75");
    }
  }
}

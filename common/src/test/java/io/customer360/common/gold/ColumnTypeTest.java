package io.customer360.common.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ColumnTypeTest {

  @Test
  void mapsEachContractTypeToSqlAndDuckDb() {
    assertThat(ColumnType.parse("varchar(64)").sql()).isEqualTo("VARCHAR(64)");
    assertThat(ColumnType.parse("numeric(12, 2)").duckDbType()).isEqualTo("DECIMAL(12,2)");
    assertThat(ColumnType.parse("timestamptz").duckDbType()).isEqualTo("TIMESTAMP WITH TIME ZONE");
    assertThat(ColumnType.parse("double precision").sql()).isEqualTo("DOUBLE PRECISION");
    assertThat(ColumnType.parse("BIGINT").duckDbType()).isEqualTo("BIGINT");
    assertThat(ColumnType.parse("numeric(12,2)")).hasToString("numeric(12,2)");
  }

  @Test
  void refusesTypesOutsideTheContract() {
    assertThatThrownBy(() -> ColumnType.parse("text")).hasMessageContaining("Unknown column type");
    assertThatThrownBy(() -> ColumnType.parse("varchar(0)")).hasMessageContaining("1-65535");
    assertThatThrownBy(() -> ColumnType.parse("numeric(40,2)")).hasMessageContaining("1-38");
  }
}

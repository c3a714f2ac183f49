package io.customer360.demo.landing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LakeProbeTest {

  @Test
  void theRowQuarantineOfABronzeObjectIsNamedAfterItInItsIngestDay() {
    assertThat(
            LakeProbe.quarantineKey(
                "bronze/order_items/ingest_date=2026-11-22/ingest_hour=23/0123456789abcdef-oi.csv.gz"))
        .isEqualTo(
            "quarantine/order_items/ingest_date=2026-11-22/0123456789abcdef-oi.csv.gz.parquet");
  }
}

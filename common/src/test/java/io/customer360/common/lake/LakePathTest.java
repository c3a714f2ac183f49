package io.customer360.common.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customer360.common.contract.PartitionGranularity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LakePathTest {

  @Test
  void bronzeKeyUsesUtcIngestDateAndHour() {
    LakePath path =
        LakePath.bronze(
            "clickstream",
            Instant.parse("2024-05-01T23:59:59Z"),
            ObjectNames.streamBatch("shardId-000000000001", "4959"));

    assertThat(path.key())
        .isEqualTo(
            "bronze/clickstream/ingest_date=2024-05-01/ingest_hour=23/shardId-000000000001-4959.jsonl.gz");
  }

  @Test
  void silverKeyHasEventDateAndHourForHourlyDatasets() {
    Instant late = Instant.parse("2024-04-28T07:15:00Z");

    assertThat(
            LakePath.silver(
                    "clickstream",
                    EventPartition.of(late, PartitionGranularity.HOUR),
                    "part-0.parquet")
                .key())
        .isEqualTo("silver/clickstream/event_date=2024-04-28/event_hour=07/part-0.parquet");
    assertThat(
            LakePath.silver(
                    "orders", EventPartition.of(late, PartitionGranularity.DAY), "part-0.parquet")
                .key())
        .isEqualTo("silver/orders/event_date=2024-04-28/part-0.parquet");
  }

  @Test
  void otherZonesFollowTheLayout() {
    assertThat(LakePath.landing("dms/orders", "LOAD00000001.csv").key())
        .isEqualTo("landing/dms/orders/LOAD00000001.csv");
    assertThat(LakePath.quarantine("weblog", LocalDate.of(2024, 5, 1), "q-1.jsonl.gz").key())
        .isEqualTo("quarantine/weblog/ingest_date=2024-05-01/q-1.jsonl.gz");
    assertThat(
            LakePath.gold(
                    "order_lines",
                    List.of(new Partition("order_date", "2024-05-01")),
                    "part-0.parquet")
                .key())
        .isEqualTo("gold/order_lines/order_date=2024-05-01/part-0.parquet");
    assertThat(LakePath.model("churn", "20240501T0300Z", "model.json").key())
        .isEqualTo("models/churn/20240501T0300Z/model.json");
  }

  @Test
  void ingestDayPrefixesMatchTheKeysOfThatDay() {
    LocalDate day = LocalDate.of(2026, 12, 1);
    String bronze =
        LakePath.bronze("orders", Instant.parse("2026-12-01T23:59:59Z"), "part-1.csv.gz").key();
    String quarantine = LakePath.quarantine("orders", day, "part-1.parquet").key();

    assertThat(LakePath.ingestDayPrefix(LakeZone.BRONZE, "orders", day))
        .isEqualTo("bronze/orders/ingest_date=2026-12-01/");
    assertThat(bronze).startsWith(LakePath.ingestDayPrefix(LakeZone.BRONZE, "orders", day));
    assertThat(quarantine).startsWith(LakePath.ingestDayPrefix(LakeZone.QUARANTINE, "orders", day));
    assertThatThrownBy(() -> LakePath.ingestDayPrefix(LakeZone.SILVER, "orders", day))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parsesKeysBackIntoTheirParts() {
    LakePath path =
        LakePath.of("silver/clickstream/event_date=2024-04-28/event_hour=07/part-0.parquet");

    assertThat(path.zone()).isEqualTo(LakeZone.SILVER);
    assertThat(path.dataset()).isEqualTo("clickstream");
    assertThat(path.partitions())
        .containsExactly(
            new Partition("event_date", "2024-04-28"), new Partition("event_hour", "07"));
    assertThat(path.name()).isEqualTo("part-0.parquet");
    assertThat(path.folder()).isEqualTo("silver/clickstream/event_date=2024-04-28/event_hour=07/");
    assertThat(LakePath.of("landing/dms/orders/LOAD00000001.csv").dataset())
        .isEqualTo("dms/orders");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "warm/orders/x.csv",
        "/bronze/orders/x",
        "bronze/orders/",
        "bronze//x",
        "silver/orders/2024-05-01/part.parquet",
        "bronze/Orders/ingest_date=2024-05-01/x",
        "landing/../etc/passwd",
        "silver/orders"
      })
  void rejectsKeysOutsideTheLayout(String key) {
    assertThatThrownBy(() -> LakePath.of(key)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void batchFileNameKeepsOriginalNameAndContentHash() {
    String sha = "ab".repeat(32);

    assertThat(ObjectNames.batchFile("exports/customers_2024-05-01.csv.gz", sha))
        .isEqualTo("abababababababab-customers_2024-05-01.csv.gz");
    assertThatThrownBy(() -> ObjectNames.batchFile("a.csv", "not-a-hash"))
        .hasMessageContaining("SHA-256");
    assertThat(ObjectNames.streamBatch("shardId-1", "4959", 3))
        .isEqualTo("shardId-1-4959-3.jsonl.gz");
    assertThat(ObjectNames.streamBatch("shardId-1", "4959", 0))
        .isEqualTo("shardId-1-4959.jsonl.gz");
    assertThatThrownBy(() -> ObjectNames.streamBatch("shardId-1", "12x"))
        .hasMessageContaining("sequence number");
  }

  @Test
  void s3UriRoundTrips() {
    S3Uri uri = S3Uri.of("s3://c360-lake/bronze/orders/x.csv");

    assertThat(uri.bucket()).isEqualTo("c360-lake");
    assertThat(uri.key()).isEqualTo("bronze/orders/x.csv");
    assertThat(uri).hasToString("s3://c360-lake/bronze/orders/x.csv");
    assertThatThrownBy(() -> S3Uri.of("https://c360-lake/x")).hasMessageContaining("s3://");
  }
}

package io.customer360.common.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineMessageCodecTest {

  private final PipelineMessageCodec codec = new PipelineMessageCodec();

  @Test
  void roundTripsEveryMessageType() {
    Instant at = Instant.parse("2024-05-01T10:15:30Z");
    List<PipelineMessage> messages =
        List.of(
            new BronzeReady(
                1, "corr-1", at, "clickstream", "c360-lake", List.of("bronze/a"), 42, "stream"),
            new SilverReady(
                1,
                "corr-1",
                at,
                "clickstream",
                "c360-lake",
                List.of("event_date=2024-05-01"),
                List.of("silver/a"),
                40,
                2),
            new GoldReady(
                1,
                "corr-1",
                at,
                "order_lines",
                "c360-lake",
                "batch-7",
                List.of("order_date=2024-05-01"),
                List.of("gold/a"),
                10));

    for (PipelineMessage message : messages) {
      assertThat(codec.fromJson(codec.toJson(message))).isEqualTo(message);
    }
  }

  @Test
  void writesTypeDiscriminatorAndIsoTimes() {
    String json =
        codec.toJson(
            new BronzeReady(
                1,
                "c",
                Instant.parse("2024-05-01T10:15:30Z"),
                "orders",
                "b",
                List.of("k"),
                1,
                "landing"));

    assertThat(json)
        .contains("\"type\":\"bronze-ready\"")
        .contains("\"schemaVersion\":1")
        .contains("\"producedAt\":\"2024-05-01T10:15:30Z\"");
  }

  @Test
  void ignoresUnknownPropertiesFromNewerWritersOfTheSameVersion() {
    String json =
        "{\"type\":\"bronze-ready\",\"schemaVersion\":1,\"correlationId\":\"c\","
            + "\"producedAt\":\"2024-05-01T10:15:30Z\",\"dataset\":\"orders\",\"bucket\":\"b\","
            + "\"objectKeys\":[\"k\"],\"recordCount\":3,\"sourceChannel\":\"landing\",\"extra\":true}";

    assertThat(codec.fromJson(json)).isInstanceOf(BronzeReady.class);
  }

  @Test
  void refusesNewerSchemaUnknownTypeAndGarbage() {
    String newer =
        "{\"type\":\"bronze-ready\",\"schemaVersion\":2,\"correlationId\":\"c\","
            + "\"producedAt\":\"2024-05-01T10:15:30Z\",\"dataset\":\"orders\",\"bucket\":\"b\","
            + "\"objectKeys\":[\"k\"],\"recordCount\":3,\"sourceChannel\":\"landing\"}";

    assertThatThrownBy(() -> codec.fromJson(newer))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessageContaining("schemaVersion 2 is not supported");
    assertThatThrownBy(() -> codec.fromJson("{\"type\":\"platinum-ready\",\"schemaVersion\":1}"))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessageContaining("platinum-ready");
    assertThatThrownBy(() -> codec.fromJson("not json"))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessageContaining("Not a pipeline message");
  }

  @Test
  void refusesGoldMessageWithNeitherPartitionsNorObjects() {
    String empty = gold("[]", "[]", 0);

    assertThatThrownBy(() -> codec.fromJson(empty))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessageContaining("announces no objects");
  }

  @Test
  void refusesBronzeAndSilverMessagesWithoutObjects() {
    String bronze =
        "{\"type\":\"bronze-ready\",\"schemaVersion\":1,\"correlationId\":\"c\","
            + "\"producedAt\":\"2024-05-01T10:15:30Z\",\"dataset\":\"orders\",\"bucket\":\"b\","
            + "\"objectKeys\":[],\"recordCount\":0,\"sourceChannel\":\"landing\"}";
    String silver =
        "{\"type\":\"silver-ready\",\"schemaVersion\":1,\"correlationId\":\"c\","
            + "\"producedAt\":\"2024-05-01T10:15:30Z\",\"dataset\":\"orders\",\"bucket\":\"b\","
            + "\"partitions\":[\"event_date=2024-05-01\"],\"objectKeys\":[],"
            + "\"recordCount\":0,\"quarantinedCount\":0}";

    assertThatThrownBy(() -> codec.fromJson(bronze)).hasMessageContaining("announces no objects");
    assertThatThrownBy(() -> codec.fromJson(silver)).hasMessageContaining("announces no objects");
  }

  @Test
  void acceptsGoldMessageEmptyingItsPartitionsWithoutObjects() {
    GoldReady emptied =
        new GoldReady(
            1,
            "corr-1",
            Instant.parse("2024-05-02T08:00:00Z"),
            "order_lines",
            "c360-lake",
            "batch-8",
            List.of("order_date=2024-05-01", "order_date=2024-05-02"),
            List.of(),
            0);

    String json = codec.toJson(emptied);
    PipelineMessage read = codec.fromJson(json);

    assertThat(read).isEqualTo(emptied);
    assertThat(((GoldReady) read).onlyEmptiesPartitions()).isTrue();
    assertThat(json).contains("\"objectKeys\":[]").doesNotContain("onlyEmptiesPartitions");
  }

  @Test
  void acceptsGoldMessageListingEmptiedPartitionsBesideObjectsOfOthers() {
    GoldReady mixed =
        new GoldReady(
            1,
            "corr-1",
            Instant.parse("2024-05-02T08:00:00Z"),
            "order_lines",
            "c360-lake",
            "batch-9",
            List.of("order_date=2024-05-01", "order_date=2024-05-02"),
            List.of("gold/order_lines/order_date=2024-05-02/part-0.parquet"),
            12);

    GoldReady read = (GoldReady) codec.fromJson(codec.toJson(mixed));

    assertThat(read).isEqualTo(mixed);
    assertThat(read.onlyEmptiesPartitions()).isFalse();
  }

  @Test
  void refusesGoldMessageWithoutObjectsThatClaimsRowsOrABlankPartition() {
    String rows = gold("[\"order_date=2024-05-01\"]", "[]", 3);
    String blank = gold("[\"\"]", "[]", 0);

    assertThatThrownBy(() -> codec.fromJson(rows))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessageContaining("announces no objects but 3 rows");
    assertThatThrownBy(() -> codec.fromJson(blank))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessageContaining("blank partition");
  }

  private static String gold(String partitions, String objectKeys, long rowCount) {
    return "{\"type\":\"gold-ready\",\"schemaVersion\":1,\"correlationId\":\"c\","
        + "\"producedAt\":\"2024-05-01T10:15:30Z\",\"dataset\":\"order_lines\",\"bucket\":\"b\","
        + "\"batchId\":\"x\",\"partitions\":"
        + partitions
        + ",\"objectKeys\":"
        + objectKeys
        + ",\"rowCount\":"
        + rowCount
        + "}";
  }

  @Test
  void derivesShortStableCorrelationIdsAndRefusesOverlongOnes() {
    String key =
        "bronze/clickstream/ingest_date=2026-11-22/ingest_hour=12/"
            + "shardId-000000000000-49654930190711292851806233406158431563224454336057475074.jsonl.gz";
    String id = PipelineMessage.correlationIdFor(key);

    assertThat(id).hasSize(24).isEqualTo(PipelineMessage.correlationIdFor(key));
    assertThat(PipelineMessage.correlationIdFor(key + "x")).isNotEqualTo(id);
    assertThatThrownBy(
            () ->
                new BronzeReady(
                    1, "k".repeat(129), Instant.EPOCH, "clickstream", "b", List.of("k"), 1, "s"))
        .hasMessageContaining("more than 128");
  }
}

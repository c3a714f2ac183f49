package io.customer360.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.PlatformResources;
import io.customer360.datagen.fault.FaultKind;
import io.customer360.datagen.fault.FaultRates;
import io.customer360.datagen.sim.RunSummary;
import io.customer360.datagen.sink.AwsSink;
import io.customer360.datagen.sink.DataSink;
import io.customer360.datagen.sink.StreamRecord;
import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatformExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(LocalPlatformExtension.class)
class DatagenLocalPlatformIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void sendsOneDayOfThousandCustomersToStreamsAndBucket(LocalEndpoints endpoints) {
    AwsClientFactory clients = new AwsClientFactory(endpoints.awsSettings());
    FaultRates faults =
        FaultRates.uniform(0.01)
            .with(FaultKind.OVERSIZED_RECORD, 0.001)
            .with(FaultKind.RESENT_FILE, 0.5);
    RunSummary summary;
    Map<String, List<String>> sent = new HashMap<>();
    try (AwsSink aws = new AwsSink(clients);
        DataSink sink = new Recording(aws, sent)) {
      summary = Datagen.run(DatagenConfig.of(1, 1000).withFaults(faults), sink);
    }

    try (KinesisClient kinesis = clients.kinesis();
        S3Client s3 = clients.s3()) {
      String counts = object(s3, "truth/counts.csv");
      List<Record> clicks = readStream(kinesis, PlatformResources.CLICKSTREAM_STREAM);
      List<Record> logs = readStream(kinesis, PlatformResources.WEBLOG_STREAM);
      List<String> sentClicks = sent.get(PlatformResources.CLICKSTREAM_STREAM);
      List<String> sentLogs = sent.get(PlatformResources.WEBLOG_STREAM);
      assertThat((long) sentClicks.size())
          .isEqualTo(summary.clickstreamRecords())
          .isEqualTo(sum(counts, "clickstream", "sent_records"))
          .isGreaterThan(1000);
      assertThat((long) sentLogs.size())
          .isEqualTo(summary.weblogRecords())
          .isEqualTo(sum(counts, "weblog", "sent_records"));
      // Kinesis delivers at least once: a PutRecords call that timed out on a busy machine is
      // sent again by the SDK and may be stored twice. Nothing may be lost or altered.
      assertStoredAtLeastOnce(clicks, sentClicks);
      assertStoredAtLeastOnce(logs, sentLogs);

      assertThat(logs)
          .extracting(Record::partitionKey)
          .containsOnly("web-1", "web-2", "web-3", "web-4");
      long keyed = 0;
      for (Record r : clicks) {
        String sessionId = sessionId(r.data().asString(StandardCharsets.UTF_8));
        if (sessionId != null) {
          assertThat(r.partitionKey()).isEqualTo(sessionId);
          keyed++;
        }
      }
      assertThat(keyed).isGreaterThan(clicks.size() * 9L / 10);

      TreeSet<String> expectedKeys = new TreeSet<>();
      for (Map<String, String> f : TestCsv.parse(object(s3, "truth/files.csv"))) {
        expectedKeys.add(f.get("key"));
      }
      List<String> landed =
          s3
              .listObjectsV2Paginator(
                  b -> b.bucket(PlatformResources.LAKE_BUCKET).prefix("landing/"))
              .contents()
              .stream()
              .map(S3Object::key)
              .toList();
      assertThat(new TreeSet<>(landed))
          .isEqualTo(expectedKeys)
          .contains("landing/crm/customers_20260101.csv", "landing/dms/orders/LOAD00000001.csv");
      assertThat(TestCsv.parse(object(s3, "landing/crm/customers_20260101.csv"))).hasSize(1000);
    }
  }

  private static void assertStoredAtLeastOnce(List<Record> stored, List<String> sent) {
    List<String> payloads =
        stored.stream().map(r -> r.data().asString(StandardCharsets.UTF_8)).toList();
    assertThat(payloads).hasSizeGreaterThanOrEqualTo(sent.size());
    assertThat(new HashSet<>(payloads)).isEqualTo(new HashSet<>(sent));
  }

  /** Passes everything on to a sink and keeps the stream payloads sent, per stream. */
  private record Recording(DataSink delegate, Map<String, List<String>> sent) implements DataSink {
    @Override
    public void putRecords(String stream, List<StreamRecord> records) {
      delegate.putRecords(stream, records);
      List<String> payloads = sent.computeIfAbsent(stream, s -> new ArrayList<>());
      records.forEach(r -> payloads.add(new String(r.data(), StandardCharsets.UTF_8)));
    }

    @Override
    public void putFile(String key, byte[] content) {
      delegate.putFile(key, content);
    }

    @Override
    public void putTruth(String name, byte[] content) {
      delegate.putTruth(name, content);
    }

    @Override
    public void close() {}
  }

  private static List<Record> readStream(KinesisClient kinesis, String stream) {
    List<Record> records = new ArrayList<>();
    for (Shard shard : kinesis.listShards(b -> b.streamName(stream)).shards()) {
      String iterator =
          kinesis
              .getShardIterator(
                  b ->
                      b.streamName(stream)
                          .shardId(shard.shardId())
                          .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
              .shardIterator();
      while (iterator != null) {
        String current = iterator;
        GetRecordsResponse page = kinesis.getRecords(b -> b.shardIterator(current).limit(10_000));
        records.addAll(page.records());
        boolean caughtUp =
            page.records().isEmpty()
                && (page.millisBehindLatest() == null || page.millisBehindLatest() == 0);
        iterator = caughtUp ? null : page.nextShardIterator();
      }
    }
    return records;
  }

  /** The session id of a parseable clickstream record, else null. */
  private static String sessionId(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return node.hasNonNull("session_id") ? node.get("session_id").asString() : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  private static String object(S3Client s3, String key) {
    return s3.getObjectAsBytes(b -> b.bucket(PlatformResources.LAKE_BUCKET).key(key))
        .asUtf8String();
  }

  private static long sum(String countsCsv, String dataset, String metric) {
    return TestCsv.parse(countsCsv).stream()
        .filter(r -> r.get("dataset").equals(dataset) && r.get("metric").equals(metric))
        .mapToLong(r -> Long.parseLong(r.get("value")))
        .sum();
  }
}

package io.customer360.ingestion.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.customer360.common.aws.AwsClientFactory;
import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatformExtension;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.kinesis.retrieval.AggregatorUtil;
import software.amazon.kinesis.retrieval.kpl.Messages;
import tools.jackson.databind.JsonNode;

/** KPL-aggregated records are de-aggregated by the KCL and each user record gets its own line. */
@ExtendWith(LocalPlatformExtension.class)
class KplAggregationIT {

  private static final int USER_RECORDS = 5;

  @Test
  void aggregatedUserRecordsGetOneLineEachAndBatchesSplittingThemGetDistinctKeys(
      LocalEndpoints endpoints) throws Exception {
    StreamTestSupport support =
        new StreamTestSupport(new AwsClientFactory(endpoints.awsSettings()), "kpl-it", 1);
    List<String> userRecords = new ArrayList<>();
    for (int i = 0; i < USER_RECORDS; i++) {
      userRecords.add("{\"event_id\":\"agg-" + i + "\"}");
    }
    byte[] aggregated = aggregate(userRecords);
    support.kinesis.putRecord(
        b ->
            b.streamName(support.stream)
                .partitionKey("session-1")
                .data(SdkBytes.fromByteArray(aggregated)));

    // Three records per file: the second file starts inside the aggregated record.
    StreamConsumer consumer =
        support.consumer("worker-kpl", support.bronzeSink(), 3, Duration.ofSeconds(1));
    consumer.start();
    List<JsonNode> lines;
    try {
      support.awaitBronzeLines(USER_RECORDS, Duration.ofSeconds(120));
      lines = support.bronzeLines();
    } finally {
      consumer.stop();
    }

    assertThat(support.bronzePayloads()).containsExactlyInAnyOrderElementsOf(userRecords);
    assertThat(lines)
        .extracting(line -> line.get("sub_sequence_number").asLong())
        .containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L);
    assertThat(lines)
        .extracting(line -> line.get("partition_key").asString())
        .containsOnly("kpl-key");
    assertThat(support.bronzeKeys()).hasSize(2).anyMatch(key -> key.endsWith("-3.jsonl.gz"));
  }

  /** The KPL wire format: magic, protobuf AggregatedRecord, MD5 of the protobuf. */
  private static byte[] aggregate(List<String> userRecords) throws Exception {
    Messages.AggregatedRecord.Builder aggregated =
        Messages.AggregatedRecord.newBuilder().addPartitionKeyTable("kpl-key");
    for (String record : userRecords) {
      aggregated.addRecords(
          Messages.Record.newBuilder()
              .setPartitionKeyIndex(0)
              .setData(ByteString.copyFromUtf8(record)));
    }
    byte[] body = aggregated.build().toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(AggregatorUtil.AGGREGATED_RECORD_MAGIC);
    out.write(body);
    out.write(MessageDigest.getInstance("MD5").digest(body));
    return out.toByteArray();
  }
}

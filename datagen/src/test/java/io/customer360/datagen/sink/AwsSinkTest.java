package io.customer360.datagen.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

class AwsSinkTest {

  /** Records every PutRecords call; throttles the given record texts on their first attempt. */
  private static final class FakeKinesis implements KinesisClient {
    final List<List<String>> calls = new ArrayList<>();
    final Set<String> throttleOnce;

    FakeKinesis(Set<String> throttleOnce) {
      this.throttleOnce = new java.util.HashSet<>(throttleOnce);
    }

    @Override
    public PutRecordsResponse putRecords(PutRecordsRequest request) {
      List<String> texts = request.records().stream().map(r -> r.data().asUtf8String()).toList();
      calls.add(texts);
      List<PutRecordsResultEntry> results = new ArrayList<>();
      int failed = 0;
      for (String t : texts) {
        if (throttleOnce.remove(t)) {
          failed++;
          results.add(
              PutRecordsResultEntry.builder()
                  .errorCode("ProvisionedThroughputExceededException")
                  .build());
        } else {
          results.add(
              PutRecordsResultEntry.builder()
                  .shardId("shardId-000000000000")
                  .sequenceNumber("1")
                  .build());
        }
      }
      return PutRecordsResponse.builder().failedRecordCount(failed).records(results).build();
    }

    @Override
    public String serviceName() {
      return "kinesis";
    }

    @Override
    public void close() {}
  }

  private static List<StreamRecord> records(int n, int size) {
    return IntStream.range(0, n)
        .mapToObj(i -> StreamRecord.of("k" + i, String.format("%0" + size + "d", i), Instant.EPOCH))
        .toList();
  }

  @Test
  void batchesAtFiveHundredRecords() {
    FakeKinesis kinesis = new FakeKinesis(Set.of());
    new AwsSink(kinesis, null, "bucket").putRecords("s", records(1_200, 10));

    assertThat(kinesis.calls).extracting(List::size).containsExactly(500, 500, 200);
  }

  @Test
  void batchesAtFiveMebibytes() {
    FakeKinesis kinesis = new FakeKinesis(Set.of());
    new AwsSink(kinesis, null, "bucket").putRecords("s", records(12, 900_000));

    assertThat(kinesis.calls).extracting(List::size).containsExactly(5, 5, 2);
  }

  @Test
  void resendsOnlyFailedRecords() {
    List<StreamRecord> records = records(10, 4);
    FakeKinesis kinesis = new FakeKinesis(Set.of("0003", "0007"));
    new AwsSink(kinesis, null, "bucket").putRecords("s", records);

    assertThat(kinesis.calls).hasSize(2);
    assertThat(kinesis.calls.get(1)).containsExactly("0003", "0007");
  }

  @Test
  void failedEntriesPicksEntriesWithErrorCodes() {
    List<PutRecordsRequestEntry> sent = List.of(entry("a"), entry("b"), entry("c"));
    List<PutRecordsResultEntry> results =
        List.of(
            PutRecordsResultEntry.builder().sequenceNumber("1").build(),
            PutRecordsResultEntry.builder().errorCode("InternalFailure").build(),
            PutRecordsResultEntry.builder().sequenceNumber("2").build());

    assertThat(AwsSink.failedEntries(sent, results)).containsExactly(sent.get(1));
  }

  private static PutRecordsRequestEntry entry(String key) {
    return PutRecordsRequestEntry.builder()
        .partitionKey(key)
        .data(software.amazon.awssdk.core.SdkBytes.fromUtf8String(key))
        .build();
  }
}

package io.customer360.ingestion.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import io.customer360.ingestion.IngestionProperties.Rotation;
import io.customer360.ingestion.bronze.IngestionMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;
import software.amazon.kinesis.retrieval.KinesisClientRecord;
import software.amazon.kinesis.retrieval.kpl.ExtendedSequenceNumber;

/**
 * The processor against a sink that is slow or fails, and a checkpointer that checks each
 * checkpoint against what the sink has finished: files are written in the background while the
 * shard keeps encoding, and no checkpoint ever passes a file that is not written and announced.
 */
class BronzeRecordProcessorTest {

  private static final String SHARD = "shardId-000000000000";
  private static final int PER_FILE = 10;
  private static final String END = "SHARD_END";

  /** Last sequence number of each file whose write returned, by first sequence number. */
  private final Map<String, String> finished = new ConcurrentHashMap<>();

  private final List<String> checkpoints = new CopyOnWriteArrayList<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final List<String> started = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private RecordProcessorCheckpointer checkpointer;
  private int nextRecord;

  @BeforeEach
  void checkpointer() throws Exception {
    checkpointer = mock(RecordProcessorCheckpointer.class);
    doAnswer(
            call -> {
              record(call.getArgument(0));
              return null;
            })
        .when(checkpointer)
        .checkpoint(anyString(), anyLong());
    doAnswer(
            call -> {
              record(END);
              return null;
            })
        .when(checkpointer)
        .checkpoint();
  }

  @AfterEach
  void releaseSink() {
    release.countDown();
  }

  @Test
  void keepsEncodingWhileAFileIsWrittenAndCheckpointsOnlyWhenItIsDone() {
    BronzeRecordProcessor processor = processor(blockingUntilReleased(), 2);

    processor.processRecords(records(PER_FILE));
    await().atMost(Duration.ofSeconds(5)).until(() -> started.size() == 1);
    // The first file's write hangs; the shard still takes the next file and a partial one.
    processor.processRecords(records(PER_FILE + 5));
    assertThat(started).as("writes begun").hasSize(1);
    assertThat(checkpoints).as("nothing durable yet").isEmpty();

    CompletableFuture<Void> third =
        CompletableFuture.runAsync(() -> processor.processRecords(records(PER_FILE)));
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> !third.isDone());
    assertThat(checkpoints).as("back-pressure does not checkpoint").isEmpty();

    release.countDown();
    third.join();
    await().atMost(Duration.ofSeconds(5)).until(() -> finished.size() == 3);
    processor.processRecords(records(0));

    assertThat(violations).isEmpty();
    assertThat(checkpoints).isNotEmpty().last().isEqualTo(sequence(3 * PER_FILE - 1));
  }

  @Test
  void neverCheckpointsPastAFileWhoseWriteFailedForGood() {
    BronzeRecordProcessor processor =
        processor(
            batch -> {
              if (batch.firstSequenceNumber().equals(sequence(PER_FILE))) {
                throw new Retry.GiveUp("S3 gone for good", null);
              }
            },
            2);

    processor.processRecords(records(PER_FILE));
    await().atMost(Duration.ofSeconds(5)).until(() -> finished.size() == 1);
    processor.processRecords(records(0));
    processor.processRecords(records(PER_FILE));
    await().atMost(Duration.ofSeconds(5)).until(() -> started.size() == 2);
    for (int poll = 0; poll < 3; poll++) {
      processor.processRecords(records(PER_FILE));
    }
    ShardEndedInput shardEnded = ShardEndedInput.builder().checkpointer(checkpointer).build();

    assertThatThrownBy(() -> processor.shardEnded(shardEnded))
        .isInstanceOf(IllegalStateException.class);
    processor.shutdownRequested(
        ShutdownRequestedInput.builder().checkpointer(checkpointer).build());
    assertThat(checkpoints).containsExactly(sequence(PER_FILE - 1));
    assertThat(started).as("no write after the lost file").hasSize(2);
    assertThat(violations).isEmpty();
  }

  @Test
  void retriesAFailedWriteAndCheckpointsAfterItSucceeds() {
    List<String> attempts = new CopyOnWriteArrayList<>();
    BronzeRecordProcessor processor =
        processor(
            batch -> {
              attempts.add(batch.firstSequenceNumber());
              if (attempts.size() == 1) {
                throw new IllegalStateException("S3 unavailable");
              }
            },
            2);

    processor.processRecords(records(PER_FILE));
    processor.processRecords(records(0));
    assertThat(checkpoints).isEmpty();
    await().atMost(Duration.ofSeconds(5)).until(() -> finished.size() == 1);
    processor.processRecords(records(0));

    assertThat(attempts).containsExactly(sequence(0), sequence(0));
    assertThat(checkpoints).containsExactly(sequence(PER_FILE - 1));
    assertThat(violations).isEmpty();
  }

  @Test
  void shardEndWaitsForEveryWriteThenCheckpointsTheEnd() {
    BronzeRecordProcessor processor = processor(sleeping(Duration.ofMillis(100)), 2);

    processor.processRecords(records(PER_FILE * 2 + 3));
    processor.shardEnded(ShardEndedInput.builder().checkpointer(checkpointer).build());

    assertThat(finished).hasSize(3);
    assertThat(checkpoints).last().isEqualTo(END);
    assertThat(violations).isEmpty();
  }

  @Test
  void requestedShutdownWritesTheBufferAndCheckpointsItsEnd() {
    BronzeRecordProcessor processor = processor(sleeping(Duration.ofMillis(100)), 1);

    processor.processRecords(records(PER_FILE + 4));
    processor.shutdownRequested(
        ShutdownRequestedInput.builder().checkpointer(checkpointer).build());

    assertThat(finished).hasSize(2);
    assertThat(checkpoints).last().isEqualTo(sequence(PER_FILE + 3));
    assertThat(violations).isEmpty();
  }

  @Test
  void leaseLossStopsPendingWritesWithoutCheckpointing() {
    BronzeRecordProcessor processor = processor(blockingUntilReleased(), 2);

    processor.processRecords(records(PER_FILE * 2));
    await().atMost(Duration.ofSeconds(5)).until(() -> started.size() == 1);
    processor.leaseLost(LeaseLostInput.builder().build());
    release.countDown();

    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> started.size() == 1);
    assertThat(checkpoints).isEmpty();
  }

  private BronzeRecordProcessor processor(Consumer<StreamBatch> behaviour, int maxInFlight) {
    BatchSink sink =
        batch -> {
          started.add(batch.firstSequenceNumber());
          behaviour.accept(batch);
          finished.put(batch.firstSequenceNumber(), batch.lastSequenceNumber());
        };
    BronzeRecordProcessor processor =
        new BronzeRecordProcessor(
            "orders",
            "orders",
            sink,
            new IngestionMetrics(new SimpleMeterRegistry()),
            new Rotation(DataSize.ofMegabytes(64), PER_FILE, Duration.ofHours(1)),
            maxInFlight);
    processor.initialize(
        InitializationInput.builder()
            .shardId(SHARD)
            .extendedSequenceNumber(ExtendedSequenceNumber.TRIM_HORIZON)
            .build());
    return processor;
  }

  private Consumer<StreamBatch> blockingUntilReleased() {
    return batch -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Retry.GiveUp("interrupted", e);
      }
    };
  }

  private static Consumer<StreamBatch> sleeping(Duration duration) {
    return batch -> {
      try {
        TimeUnit.MILLISECONDS.sleep(duration.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Retry.GiveUp("interrupted", e);
      }
    };
  }

  /** Notes a checkpoint and whether every record up to it is in a finished file. */
  private void record(String position) {
    checkpoints.add(position);
    long upTo = position.equals(END) ? nextRecord - 1 : Long.parseLong(position);
    long covered = -1;
    List<Long> firsts = new ArrayList<>(finished.keySet().stream().map(Long::parseLong).toList());
    firsts.sort(null);
    for (long first : firsts) {
      if (first != covered + 1) {
        break;
      }
      covered = Long.parseLong(finished.get(sequence((int) first)));
    }
    if (covered < upTo) {
      violations.add("checkpoint " + position + " but only records up to " + covered + " written");
    }
  }

  private ProcessRecordsInput records(int count) {
    List<KinesisClientRecord> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = nextRecord++;
      records.add(
          KinesisClientRecord.builder()
              .sequenceNumber(sequence(n))
              .subSequenceNumber(0)
              .partitionKey("key-" + n)
              .approximateArrivalTimestamp(Instant.parse("2026-01-01T10:00:00Z"))
              .data(ByteBuffer.wrap(("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8)))
              .build());
    }
    return ProcessRecordsInput.builder()
        .records(records)
        .checkpointer(checkpointer)
        .millisBehindLatest(0L)
        .build();
  }

  /** Record {@code n}'s sequence number: digits that sort as numbers do. */
  private static String sequence(int n) {
    return String.format("%020d", n);
  }
}

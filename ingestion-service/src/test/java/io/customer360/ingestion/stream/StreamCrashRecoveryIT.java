package io.customer360.ingestion.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatformExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A consumer killed between the S3 write and the checkpoint, then replaced by another worker: the
 * replay writes the same object keys and every record ends up in bronze exactly once per key.
 */
@ExtendWith(LocalPlatformExtension.class)
class StreamCrashRecoveryIT {

  private static final int RECORDS = 40;
  private static final int PER_FILE = 10;

  @Test
  void replayAfterCrashBeforeCheckpointRewritesSameKeysAndLosesNothing(LocalEndpoints endpoints)
      throws Exception {
    StreamTestSupport support =
        new StreamTestSupport(new AwsClientFactory(endpoints.awsSettings()), "crash-it", 1);
    List<String> sent = support.put(RECORDS);
    BatchSink bronze = support.bronzeSink();

    AtomicReference<String> writtenBeforeCrash = new AtomicReference<>();
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch killed = new CountDownLatch(1);
    BatchSink writesThenDies =
        batch -> {
          bronze.write(batch);
          writtenBeforeCrash.compareAndSet(null, batch.path().key());
          written.countDown();
          awaitQuietly(killed);
          throw new Retry.GiveUp("process killed before checkpoint", null);
        };

    StreamConsumer first =
        support.consumer("worker-a", writesThenDies, PER_FILE, Duration.ofMinutes(5));
    first.start();
    assertThat(written.await(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    first.halt();
    killed.countDown();
    assertThat(support.leases().get("shardId-000000000000").get("checkpoint").s())
        .as("nothing was checkpointed before the crash")
        .isEqualTo("TRIM_HORIZON");

    StreamConsumer second = support.consumer("worker-b", bronze, PER_FILE, Duration.ofMinutes(5));
    second.start();
    try {
      support.awaitBronzeLines(RECORDS, Duration.ofSeconds(180));
    } finally {
      second.stop();
    }

    List<String> keys = support.bronzeKeys();
    List<String> payloads = support.bronzePayloads();
    assertThat(keys).hasSize(RECORDS / PER_FILE).contains(writtenBeforeCrash.get());
    assertThat(payloads).containsExactlyInAnyOrderElementsOf(sent);
    assertThat(support.leases().get("shardId-000000000000").get("checkpoint").s())
        .as("checkpointed after the replay")
        .matches("\\d+");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

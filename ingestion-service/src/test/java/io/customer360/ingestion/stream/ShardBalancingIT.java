package io.customer360.ingestion.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatformExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two consumer instances split a 4-shard stream's leases and together write every record. KCL 3
 * gives every lease to the first worker, then moves leases by measured throughput, so records keep
 * flowing while the test waits for the split.
 */
@ExtendWith(LocalPlatformExtension.class)
class ShardBalancingIT {

  private static final int BATCH = 25;

  @Test
  void twoInstancesSplitShardsAndWriteEveryRecord(LocalEndpoints endpoints) {
    StreamTestSupport support =
        new StreamTestSupport(new AwsClientFactory(endpoints.awsSettings()), "split-it", 4);
    StreamConsumer one =
        support.consumer("worker-1", support.bronzeSink(), 1000, Duration.ofSeconds(1));
    StreamConsumer two =
        support.consumer("worker-2", support.bronzeSink(), 1000, Duration.ofSeconds(1));
    List<String> sent = new ArrayList<>();
    one.start();
    try {
      // A rolling start: two KCL 3 workers initializing a new application at the same instant
      // race to create the lease table's index, and the loser (on DynamoDB Local) never joins.
      sendUntil(support, sent, Duration.ofSeconds(120), () -> !owners(support).isEmpty());
      two.start();
      sendUntil(support, sent, Duration.ofSeconds(240), () -> owners(support).size() == 2);
      sent.addAll(support.put(sent.size(), BATCH));

      support.awaitBronzeLines(sent.size(), Duration.ofSeconds(120));

      assertThat(support.bronzePayloads()).containsExactlyInAnyOrderElementsOf(sent);
      assertThat(owners(support)).containsExactlyInAnyOrder("worker-1", "worker-2");
    } finally {
      one.stop();
      two.stop();
    }
  }

  /** Keeps putting batches of records, adding them to {@code sent}, until {@code done} holds. */
  private static void sendUntil(
      StreamTestSupport support, List<String> sent, Duration timeout, BooleanSupplier done) {
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              sent.addAll(support.put(sent.size(), BATCH));
              return done.getAsBoolean();
            });
  }

  private static Set<String> owners(StreamTestSupport support) {
    return support.leases().values().stream()
        .filter(item -> item.containsKey("leaseOwner"))
        .map(item -> item.get("leaseOwner").s())
        .collect(Collectors.toSet());
  }
}

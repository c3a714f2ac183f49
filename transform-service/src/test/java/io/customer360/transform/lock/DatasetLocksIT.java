package io.customer360.transform.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatformExtension;
import io.customer360.transform.TransformProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The dataset lock against DynamoDB Local, each test on a table of its own. An "instance" is a
 * {@link DatasetLocks} with its own owner id, as each transform-service process has; closing one
 * stops its heartbeat without releasing anything, which is what a crash or a long stall looks like
 * to the others.
 */
@ExtendWith(LocalPlatformExtension.class)
class DatasetLocksIT {

  private static final String DATASET = "clickstream";
  private static final Duration LEASE = Duration.ofSeconds(2);
  private static final Duration HEARTBEAT = Duration.ofMillis(500);

  private DynamoDbClient dynamo;
  private String table;
  private final List<DatasetLocks> instances = new ArrayList<>();

  @BeforeEach
  void connect(LocalEndpoints endpoints) {
    dynamo = new AwsClientFactory(endpoints.awsSettings()).dynamoDb();
    table = "c360-transform-locks-" + UUID.randomUUID();
  }

  @AfterEach
  void close() {
    instances.forEach(DatasetLocks::close);
    dynamo.close();
  }

  @Test
  void createsItsTableWhenMissingWithTtlOnTheExpiry() {
    try (DatasetLease lease = instance("a", Duration.ofSeconds(5)).acquire(DATASET)) {
      var described = dynamo.describeTable(b -> b.tableName(table)).table();
      assertThat(described.keySchema())
          .containsExactly(
              KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build());
      var ttl = dynamo.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
      assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
      assertThat(ttl.attributeName()).isEqualTo("expires_at");
      Map<String, AttributeValue> item = item().orElseThrow();
      assertThat(item.get("owner").s()).isEqualTo("a");
      long expiresAt = Long.parseLong(item.get("expires_at").n());
      assertThat(expiresAt - System.currentTimeMillis() / 1000)
          .isBetween(LEASE.toSeconds() - 1, LEASE.toSeconds() + 1);
    }
    assertThat(item()).as("released").isEmpty();
  }

  @Test
  void twoInstancesNeverHoldADatasetAtTheSameTime() throws Exception {
    List<DatasetLocks> both =
        List.of(instance("a", Duration.ofSeconds(60)), instance("b", Duration.ofSeconds(60)));
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger mostInside = new AtomicInteger();
    Map<String, AtomicInteger> heldBy = new ConcurrentHashMap<>();
    ExecutorService threads = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        DatasetLocks locks = both.get(t % 2);
        done.add(
            threads.submit(
                () -> {
                  for (int round = 0; round < 5; round++) {
                    try (DatasetLease lease = locks.acquire(DATASET)) {
                      mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                      heldBy
                          .computeIfAbsent(ownerInTable(), o -> new AtomicInteger())
                          .incrementAndGet();
                      TimeUnit.MILLISECONDS.sleep(10); // the merge
                      inside.decrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(mostInside).hasValue(1);
    assertThat(heldBy).containsOnlyKeys("a", "b");
    assertThat(heldBy.get("a")).hasValue(15);
    assertThat(heldBy.get("b")).hasValue(15);
    assertThat(item()).isEmpty();
  }

  @Test
  void aWaiterGivesUpAfterTheTimeoutNamingTheHolder() {
    DatasetLocks a = instance("a", Duration.ofSeconds(5));
    DatasetLocks b = instance("b", Duration.ofMillis(700));
    try (DatasetLease held = a.acquire(DATASET)) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> b.acquire(DATASET))
          .isInstanceOf(DatasetLockException.NotAcquired.class)
          .hasMessageContaining("dataset " + DATASET)
          .hasMessageContaining("within PT0.7S")
          .hasMessageContaining("held by a until");
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }
    try (DatasetLease lease = b.acquire(DATASET)) {
      assertThat(ownerInTable()).isEqualTo("b");
    }
  }

  @Test
  void threadsOfOneInstanceTakeTurns() throws Exception {
    DatasetLocks a = instance("a", Duration.ofMillis(500));
    ExecutorService other = Executors.newSingleThreadExecutor();
    try (DatasetLease held = a.acquire(DATASET)) {
      Future<?> sibling = other.submit(() -> a.acquire(DATASET).close());
      assertThatThrownBy(() -> sibling.get(5, TimeUnit.SECONDS))
          .hasCauseInstanceOf(DatasetLockException.NotAcquired.class)
          .hasMessageContaining("another promotion of this instance (a)");
    }
    try {
      other.submit(() -> a.acquire(DATASET).close()).get(5, TimeUnit.SECONDS);
    } finally {
      other.shutdownNow();
    }
    assertThat(item()).isEmpty();
  }

  @Test
  void theHeartbeatKeepsTheLeaseLongerThanItsDuration() {
    DatasetLocks a = instance("a", Duration.ofSeconds(5));
    DatasetLocks b = instance("b", LEASE.multipliedBy(3));
    try (DatasetLease held = a.acquire(DATASET)) {
      assertThatThrownBy(() -> b.acquire(DATASET))
          .isInstanceOf(DatasetLockException.NotAcquired.class);
      held.checkHeld();
      held.ensureHeld();
      assertThat(ownerInTable()).isEqualTo("a");
    }
  }

  @Test
  void anExpiredLeaseIsTakenOverAndNotBefore() {
    DatasetLocks a = instance("a", Duration.ofSeconds(5));
    DatasetLocks b = instance("b", Duration.ofSeconds(10));
    a.acquire(DATASET);
    long acquired = System.nanoTime();
    a.close(); // crashed: no more renewals, no release

    try (DatasetLease lease = b.acquire(DATASET)) {
      assertThat(Duration.ofNanos(System.nanoTime() - acquired)).isGreaterThan(LEASE);
      assertThat(ownerInTable()).isEqualTo("b");
    }
  }

  @Test
  void aHolderWhoseLeaseWasTakenOverFailsItsGuardCheck() {
    DatasetLocks a = instance("a", Duration.ofSeconds(5));
    DatasetLease stalled = a.acquire(DATASET);
    a.close(); // stalls: its heartbeat stops while it still thinks it holds the dataset
    DatasetLease taken = instance("b", Duration.ofSeconds(10)).acquire(DATASET);

    assertThatThrownBy(stalled::checkHeld)
        .isInstanceOf(DatasetLockException.LeaseLost.class)
        .hasMessageContaining("not renewed within the lease duration");
    assertThatThrownBy(stalled::ensureHeld)
        .isInstanceOf(DatasetLockException.LeaseLost.class)
        .hasMessageContaining("dataset " + DATASET + " no longer held by a")
        .hasMessageContaining("another instance took it over");
    assertThat(ownerInTable()).isEqualTo("b");
    taken.close();
  }

  @Test
  void releaseByAnInstanceThatNoLongerOwnsTheLeaseLeavesItToTheNewHolder() {
    DatasetLocks a = instance("a", Duration.ofSeconds(5));
    DatasetLease stalled = a.acquire(DATASET);
    a.close();
    DatasetLease taken = instance("b", Duration.ofSeconds(10)).acquire(DATASET);

    stalled.close();

    assertThat(ownerInTable()).isEqualTo("b");
    assertThatThrownBy(() -> instance("c", Duration.ofMillis(300)).acquire(DATASET))
        .isInstanceOf(DatasetLockException.NotAcquired.class)
        .hasMessageContaining("held by b");
    taken.close();
    assertThat(item()).isEmpty();
  }

  @Test
  void aLeaseThatLapsedWithNobodyTakingItOverIsStillTheHolders() {
    DatasetLocks a = instance("a", Duration.ofSeconds(5));
    DatasetLease lapsed = a.acquire(DATASET);
    a.close();
    await()
        .atMost(LEASE.multipliedBy(3))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> throwsLeaseLost(lapsed));

    // Nobody else wrote in between (the item would name them, or be gone), so it may go on.
    lapsed.ensureHeld();
    lapsed.checkHeld();
    assertThat(ownerInTable()).isEqualTo("a");
    lapsed.close();
    assertThat(item()).isEmpty();
  }

  private static boolean throwsLeaseLost(DatasetLease lease) {
    try {
      lease.checkHeld();
      return false;
    } catch (DatasetLockException.LeaseLost e) {
      return true;
    }
  }

  private DatasetLocks instance(String owner, Duration acquireTimeout) {
    DatasetLocks locks =
        new DatasetLocks(
            dynamo,
            new TransformProperties.SilverLock(table, LEASE, HEARTBEAT, acquireTimeout),
            owner,
            Clock.systemUTC());
    instances.add(locks);
    return locks;
  }

  private String ownerInTable() {
    return item().orElseThrow().get("owner").s();
  }

  private Optional<Map<String, AttributeValue>> item() {
    var response =
        dynamo.getItem(
            b ->
                b.tableName(table)
                    .key(Map.of("id", AttributeValue.fromS("silver#" + DATASET)))
                    .consistentRead(true));
    return response.hasItem() ? Optional.of(response.item()) : Optional.empty();
  }
}

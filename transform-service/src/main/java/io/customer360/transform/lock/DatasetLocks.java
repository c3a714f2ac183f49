package io.customer360.transform.lock;

import io.customer360.transform.TransformProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One instance at a time per dataset, across every transform-service instance sharing the lease
 * table: a lease item per dataset in DynamoDB ({@link LeaseTable}), taken with a conditional write
 * (absent, expired, or already this instance's), renewed by a background heartbeat while held,
 * deleted on release only by its owner. The owner is this object's instance id, so the threads of
 * one instance first take turns on an in-process semaphore per dataset: that keeps them off
 * DynamoDB while a sibling holds the dataset, and makes "already mine" safe (it can only be a write
 * of this very acquisition that landed, or a lease this instance failed to release).
 *
 * <p>A waiter retries with jittered exponential back-off up to the acquire timeout, then fails with
 * {@link DatasetLockException.NotAcquired}. A holder that stalled longer than the lease (a long GC
 * pause, a network partition) may have been taken over; {@link DatasetLease#ensureHeld()} finds out
 * before it writes.
 */
public final class DatasetLocks implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DatasetLocks.class);
  private static final long FIRST_BACK_OFF_MILLIS = 50;
  private static final long MAX_BACK_OFF_MILLIS = 1_000;

  private final LeaseTable table;
  private final String owner;
  private final Duration leaseDuration;
  private final Duration heartbeatInterval;
  private final Duration acquireTimeout;
  private final Clock clock;
  private final ConcurrentMap<String, Semaphore> turns = new ConcurrentHashMap<>();
  private final ScheduledExecutorService heartbeats;

  public DatasetLocks(
      DynamoDbClient dynamo, TransformProperties.SilverLock settings, String owner, Clock clock) {
    this.table = new LeaseTable(dynamo, settings.table());
    this.owner = owner;
    this.leaseDuration = settings.leaseDuration();
    this.heartbeatInterval = settings.heartbeatInterval();
    this.acquireTimeout = settings.acquireTimeout();
    this.clock = clock;
    this.heartbeats =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "silver-lock-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** This instance's id, the {@code owner} of the leases it holds. */
  public String owner() {
    return owner;
  }

  /**
   * Waits up to the acquire timeout for the dataset, first among this instance's threads, then
   * among instances; the lease is renewed in the background until closed.
   *
   * @throws DatasetLockException.NotAcquired when the timeout passed
   * @throws DatasetLockException.TableFailure when DynamoDB could not be asked
   */
  public DatasetLease acquire(String dataset) {
    long deadline = System.nanoTime() + acquireTimeout.toNanos();
    Semaphore turn = turns.computeIfAbsent(dataset, d -> new Semaphore(1, true));
    if (!awaitTurn(turn, dataset, deadline)) {
      throw new DatasetLockException.NotAcquired(
          dataset, acquireTimeout, "another promotion of this instance (" + owner + ")", null);
    }
    try {
      DatasetLease lease = acquireShared(dataset, deadline);
      long beat = heartbeatInterval.toMillis();
      lease.heartbeat(
          heartbeats.scheduleWithFixedDelay(
              () -> heartbeat(lease), beat, beat, TimeUnit.MILLISECONDS));
      return lease;
    } catch (RuntimeException e) {
      turn.release();
      throw e;
    }
  }

  private DatasetLease acquireShared(String dataset, long deadline) {
    long backOff = FIRST_BACK_OFF_MILLIS;
    while (true) {
      long sent = System.nanoTime();
      Instant now = clock.instant();
      Optional<LeaseTable.Holder> holder =
          table.tryAcquire(id(dataset), owner, now.getEpochSecond(), expiresAt(now));
      if (holder.isEmpty()) {
        log.debug("Silver lock acquired dataset={} owner={}", dataset, owner);
        return new DatasetLease(this, dataset, sent + leaseDuration.toNanos());
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new DatasetLockException.NotAcquired(
            dataset, acquireTimeout, holder.get().owner(), holder.get().expiresAt());
      }
      long jittered = backOff / 2 + ThreadLocalRandom.current().nextLong(backOff / 2 + 1);
      pause(dataset, Math.min(TimeUnit.MILLISECONDS.toNanos(jittered), left));
      backOff = Math.min(backOff * 2, MAX_BACK_OFF_MILLIS);
    }
  }

  /** Renews a held lease on the condition that this instance still owns it. */
  void renew(DatasetLease lease) {
    if (lease.lostBecause() != null) {
      throw lost(lease, lease.lostBecause());
    }
    long sent = System.nanoTime();
    if (!table.renew(id(lease.dataset()), owner, expiresAt(clock.instant()))) {
      lease.markLost("another instance took it over");
      throw lost(lease, lease.lostBecause());
    }
    lease.extendTo(sent + leaseDuration.toNanos());
  }

  /** Deletes the lease unless it was taken over, and lets the next thread of this instance in. */
  void release(DatasetLease lease) {
    lease.stopHeartbeat();
    try {
      if (lease.lostBecause() == null && !table.release(id(lease.dataset()), owner)) {
        log.warn(
            "Silver lock was taken over before release dataset={} owner={}",
            lease.dataset(),
            owner);
      }
    } catch (DatasetLockException e) {
      log.warn(
          "Silver lock release failed, the lease expires by itself dataset={} owner={} error={}",
          lease.dataset(),
          owner,
          e.getMessage());
    } finally {
      turns.get(lease.dataset()).release();
    }
  }

  DatasetLockException.LeaseLost lost(DatasetLease lease, String why) {
    return new DatasetLockException.LeaseLost(lease.dataset(), owner, why);
  }

  /** Stops renewing; leases still held then expire. Their holders release them normally first. */
  @Override
  public void close() {
    heartbeats.shutdownNow();
  }

  private void heartbeat(DatasetLease lease) {
    try {
      renew(lease);
    } catch (DatasetLockException.LeaseLost e) {
      lease.stopHeartbeat();
      if (!lease.closed()) {
        log.warn("{}", e.getMessage());
      }
    } catch (RuntimeException e) {
      if (!lease.closed()) {
        log.warn(
            "Silver lock renewal failed, retried in {} dataset={} owner={} error={}",
            heartbeatInterval,
            lease.dataset(),
            owner,
            e.getMessage());
      }
    }
  }

  private boolean awaitTurn(Semaphore turn, String dataset, long deadline) {
    try {
      return turn.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatasetLockException("Interrupted waiting for silver lock of " + dataset, e);
    }
  }

  private static void pause(String dataset, long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatasetLockException("Interrupted waiting for silver lock of " + dataset, e);
    }
  }

  /** The lease's end in epoch seconds, rounded up: never earlier than now plus the duration. */
  private long expiresAt(Instant now) {
    long millis = now.toEpochMilli() + leaseDuration.toMillis();
    return Math.floorDiv(millis + 999, 1000);
  }

  private static String id(String dataset) {
    return "silver#" + dataset;
  }
}

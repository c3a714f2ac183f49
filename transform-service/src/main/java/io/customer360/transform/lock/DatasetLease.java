package io.customer360.transform.lock;

import java.util.concurrent.ScheduledFuture;

/**
 * A held dataset lock ({@link DatasetLocks#acquire}): renewed in the background while held,
 * released by {@link #close()}. Before writing shared state the holder proves it still holds the
 * lease with {@link #ensureHeld()}, and between writes checks it cheaply with {@link #checkHeld()}.
 */
public final class DatasetLease implements AutoCloseable {

  private final DatasetLocks locks;
  private final String dataset;
  private volatile long validUntilNanos;
  private volatile String lostBecause;
  private volatile boolean closed;
  private volatile ScheduledFuture<?> heartbeat;

  DatasetLease(DatasetLocks locks, String dataset, long validUntilNanos) {
    this.locks = locks;
    this.dataset = dataset;
    this.validUntilNanos = validUntilNanos;
  }

  public String dataset() {
    return dataset;
  }

  /**
   * Renews the lease in DynamoDB, on the condition that this instance still owns it.
   *
   * @throws DatasetLockException.LeaseLost when another instance holds it now
   * @throws DatasetLockException.TableFailure when the renewal could not be made
   */
  public void ensureHeld() {
    locks.renew(this);
  }

  /**
   * Checks, without a call to DynamoDB, that no renewal found the lease taken over and that the
   * last successful renewal is younger than the lease duration.
   *
   * @throws DatasetLockException.LeaseLost otherwise
   */
  public void checkHeld() {
    if (lostBecause != null) {
      throw locks.lost(this, lostBecause);
    }
    if (System.nanoTime() - validUntilNanos > 0) {
      throw locks.lost(this, "not renewed within the lease duration");
    }
  }

  /** Releases the lease unless another instance took it over; never throws. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      locks.release(this);
    }
  }

  boolean closed() {
    return closed;
  }

  String lostBecause() {
    return lostBecause;
  }

  void markLost(String why) {
    lostBecause = why;
  }

  /** Moves the local end of validity forward (never back: renewals may finish out of order). */
  synchronized void extendTo(long nanos) {
    if (nanos - validUntilNanos > 0) {
      validUntilNanos = nanos;
    }
  }

  void heartbeat(ScheduledFuture<?> task) {
    heartbeat = task;
  }

  void stopHeartbeat() {
    ScheduledFuture<?> task = heartbeat;
    if (task != null) {
      task.cancel(false);
    }
  }
}

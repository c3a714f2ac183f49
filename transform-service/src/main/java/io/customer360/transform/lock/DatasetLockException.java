package io.customer360.transform.lock;

import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The dataset lock could not be taken or kept. Always retryable: the promotion that needed the lock
 * fails before writing anything shared, and its message is redelivered.
 */
public class DatasetLockException extends RuntimeException {

  DatasetLockException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Another instance (or promotion) held the dataset for the whole acquire timeout. */
  public static final class NotAcquired extends DatasetLockException {
    NotAcquired(String dataset, Duration timeout, String holder, Instant holderExpiresAt) {
      super(
          "Silver lock of dataset "
              + dataset
              + " not acquired within "
              + timeout
              + ": held by "
              + holder
              + (holderExpiresAt == null ? "" : " until " + holderExpiresAt)
              + "; the message is redelivered",
          null);
    }
  }

  /**
   * The lease was taken over by another instance, or could not be renewed for longer than its
   * duration: this instance must not write what it merged.
   */
  public static final class LeaseLost extends DatasetLockException {
    LeaseLost(String dataset, String owner, String why) {
      super(
          "Silver lock of dataset "
              + dataset
              + " no longer held by "
              + owner
              + " ("
              + why
              + "); nothing written, the message is redelivered",
          null);
    }
  }

  /** A call to the lease table failed. */
  public static final class TableFailure extends DatasetLockException {
    TableFailure(String table, String operation, String id, SdkException cause) {
      super(
          "DynamoDB lock table "
              + table
              + ": "
              + operation
              + " of "
              + id
              + " failed: "
              + cause.getMessage()
              + "; check that the table exists and the role may use it",
          cause);
    }
  }
}

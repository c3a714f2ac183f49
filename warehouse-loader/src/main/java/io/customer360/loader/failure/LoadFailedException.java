package io.customer360.loader.failure;

import io.customer360.loader.warehouse.WarehouseSqlException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * A gold batch could not be loaded; the transaction was rolled back and nothing of the batch is in
 * the warehouse. The {@linkplain #reason() reason} names the failure for logs and metrics; {@link
 * #retryable()} says whether the same batch may load on a later attempt (a lost connection) or
 * never will (a file that breaks the contract), which decides nothing but what operators are told:
 * either way the message is retried until the queue moves it to its dead-letter queue.
 */
public class LoadFailedException extends RuntimeException {

  private final String reason;
  private final boolean retryable;

  public LoadFailedException(String reason, boolean retryable, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.retryable = retryable;
  }

  /** A failure that will recur on every attempt: the batch breaks the contract. */
  public static LoadFailedException permanent(String reason, String message) {
    return new LoadFailedException(reason, false, message, null);
  }

  /**
   * The one place failures are classified: already classified ones pass through; database errors go
   * by SQLSTATE class (data, integrity and syntax errors recur; lost connections, deadlocks,
   * serialization and resource failures do not); storage errors are retryable unless an object is
   * missing.
   */
  public static LoadFailedException classify(Throwable failure) {
    if (failure instanceof LoadFailedException classified) {
      return classified;
    }
    if (failure instanceof WarehouseSqlException sql) {
      String stateClass = sql.sqlState().length() >= 2 ? sql.sqlState().substring(0, 2) : "";
      boolean permanent =
          stateClass.equals("22") || stateClass.equals("23") || stateClass.equals("42");
      return new LoadFailedException(
          permanent ? "bad_data" : "database", !permanent, sql.getMessage(), sql);
    }
    if (failure instanceof NoSuchKeyException missing) {
      return new LoadFailedException(
          "gold_object_missing",
          false,
          "Announced gold object is missing: " + missing.getMessage(),
          missing);
    }
    if (failure instanceof SdkException || failure instanceof UncheckedIOException) {
      return new LoadFailedException("storage", true, failure.getMessage(), failure);
    }
    return new LoadFailedException(
        "unexpected", true, String.valueOf(failure.getMessage()), failure);
  }

  /** Short snake_case name of the failure, the {@code reason} tag of the failure metric. */
  public String reason() {
    return reason;
  }

  /** Whether a later attempt of the same batch may succeed. */
  public boolean retryable() {
    return retryable;
  }
}

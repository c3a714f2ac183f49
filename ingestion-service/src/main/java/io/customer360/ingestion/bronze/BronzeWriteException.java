package io.customer360.ingestion.bronze;

/** A lake write that did not happen; retryable, since writes go to deterministic keys. */
public class BronzeWriteException extends RuntimeException {

  public BronzeWriteException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.customer360.transform.gold.model;

/**
 * DuckDB failed while building, testing or writing a gold model: the message names the model and
 * the step, and carries DuckDB's error. Not retryable with the same inputs.
 */
public class GoldBuildException extends RuntimeException {

  public GoldBuildException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.customer360.transform.gold.model;

/**
 * A gold model definition or the gold contract is unusable: unknown keys, a column the contract
 * does not declare, a missing test the contract implies, an unknown or cyclic input. The message
 * names the file and what to fix.
 */
public class InvalidGoldModelException extends RuntimeException {

  public InvalidGoldModelException(String message) {
    super(message);
  }

  public InvalidGoldModelException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.customer360.common.gold;

/** The gold contract file breaks a rule of its format; the loader cannot start with it. */
public class InvalidGoldContractException extends RuntimeException {

  InvalidGoldContractException(String message) {
    super(message);
  }

  InvalidGoldContractException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.customer360.scoring.registry;

/** The registry in S3 could not be read or written. */
public class RegistryException extends RuntimeException {

  public RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}

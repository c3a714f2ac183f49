package io.customer360.common.pipeline;

/**
 * A pipeline message that can never be handled (malformed, unknown type, or a newer schema). Not
 * retryable: a consumer lets it go to the dead-letter queue.
 */
public class InvalidMessageException extends RuntimeException {

  InvalidMessageException(String message, Throwable cause) {
    super(message, cause);
  }

  InvalidMessageException(String message) {
    super(message);
  }
}

package io.customer360.query.web;

import java.time.Duration;

/** A client sent more requests than its rate limit allows; answered 429 with Retry-After. */
public class RateLimitExceededException extends RuntimeException {

  private final Duration retryAfter;

  public RateLimitExceededException(String client, Duration retryAfter) {
    super("Rate limit exceeded for client " + client);
    this.retryAfter = retryAfter;
  }

  /** How long the client should wait before its next request. */
  public Duration retryAfter() {
    return retryAfter;
  }
}

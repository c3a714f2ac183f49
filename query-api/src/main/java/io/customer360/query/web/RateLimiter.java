package io.customer360.query.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at {@code requestsPerSecond}.
 * Buckets of clients idle for ten minutes are dropped (a full bucket is the same as no bucket). In
 * one instance only; behind several instances each enforces its own share, and API Gateway usage
 * plans are the global limit.
 */
public final class RateLimiter {

  private final double perNano;
  private final double capacity;
  private final LongSupplier nanoTime;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

  public RateLimiter(double requestsPerSecond, int burst, LongSupplier nanoTime) {
    if (requestsPerSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("rate limit needs requestsPerSecond > 0 and burst >= 1");
    }
    this.perNano = requestsPerSecond / 1e9;
    this.capacity = burst;
    this.nanoTime = nanoTime;
  }

  /** Takes one token of {@code client}'s bucket, or says how long until one is available. */
  public Duration acquire(String client) {
    return buckets.get(client, c -> new Bucket(capacity, nanoTime.getAsLong())).take();
  }

  private final class Bucket {

    private double tokens;
    private long updatedAt;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updatedAt = now;
    }

    /** {@link Duration#ZERO} when a token was taken, else the wait for the next one. */
    synchronized Duration take() {
      long now = nanoTime.getAsLong();
      tokens = Math.min(capacity, tokens + (now - updatedAt) * perNano);
      updatedAt = now;
      if (tokens >= 1) {
        tokens -= 1;
        return Duration.ZERO;
      }
      return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
    }
  }
}

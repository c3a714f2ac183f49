package io.customer360.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  final AtomicLong nanos = new AtomicLong();
  final RateLimiter limiter = new RateLimiter(2, 3, nanos::get);

  @Test
  void burstIsServedThenTheClientWaitsForTheRefill() {
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire("a")).isZero();
    }

    assertThat(limiter.acquire("a")).isEqualTo(Duration.ofMillis(500));
    nanos.addAndGet(Duration.ofMillis(500).toNanos());
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isPositive();
  }

  @Test
  void clientsHaveTheirOwnBuckets() {
    for (int i = 0; i < 3; i++) {
      limiter.acquire("a");
    }

    assertThat(limiter.acquire("a")).isPositive();
    assertThat(limiter.acquire("b")).isZero();
  }

  @Test
  void aLongPauseRefillsOnlyUpToTheBurst() {
    nanos.addAndGet(Duration.ofHours(1).toNanos());
    int served = 0;
    while (limiter.acquire("a").isZero()) {
      served++;
    }

    assertThat(served).isEqualTo(3);
  }
}

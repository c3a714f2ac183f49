package io.customer360.datagen.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PacerTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void rateLimitsRecordsPerSecond() {
    Pacer pacer = new Pacer(2_000, 0, START);
    long begin = System.nanoTime();
    for (int i = 0; i < 10; i++) {
      pacer.await(pacer.chunkSize(), START);
    }
    double seconds = (System.nanoTime() - begin) / 1e9;

    assertThat(pacer.chunkSize()).isEqualTo(100);
    assertThat(seconds).isGreaterThanOrEqualTo(0.45);
  }

  @Test
  void timeCompressionPlaysSimulatedTimeFaster() {
    Pacer pacer = new Pacer(0, 36_000, START);
    long begin = System.nanoTime();
    pacer.await(1, START);
    pacer.await(1, START.plusSeconds(7_200));
    double seconds = (System.nanoTime() - begin) / 1e9;

    assertThat(seconds).isBetween(0.19, 2.0);
  }

  @Test
  void withoutPacingNeverWaits() {
    Pacer pacer = new Pacer(0, 0, START);
    long begin = System.nanoTime();
    pacer.await(500, START.plusSeconds(86_400));

    assertThat(pacer.active()).isFalse();
    assertThat(pacer.chunkSize()).isEqualTo(500);
    assertThat((System.nanoTime() - begin) / 1e9).isLessThan(0.1);
  }
}

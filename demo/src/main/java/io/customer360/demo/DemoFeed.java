package io.customer360.demo;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.datagen.Datagen;
import io.customer360.datagen.DatagenConfig;
import io.customer360.datagen.fault.FaultKind;
import io.customer360.datagen.fault.FaultRates;
import io.customer360.datagen.sink.AwsSink;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Feeds the demo: first a few simulated days ending yesterday, sent as fast as the platform takes
 * them (streams to Kinesis, batch files to {@code landing/}, the ground truth to {@code truth/}),
 * then the same shop live, aligned to the wall clock, until stopped.
 */
final class DemoFeed {

  /**
   * How much of the live feed is sent at once at the start, so the real-time chart is not empty.
   */
  static final Duration LIVE_CATCH_UP = Duration.ofMinutes(10);

  /** How often the live feed lands order (DMS CDC) and return files. */
  static final Duration LIVE_FILE_INTERVAL = Duration.ofMinutes(2);

  private final AwsClientFactory clients;
  private final LocalDate start;
  private final int days;
  private final int customers;
  private final FaultRates faults;

  /** A feed of the {@code days} days before today. */
  DemoFeed(AwsClientFactory clients, int days, int customers, FaultRates faults) {
    this(clients, LocalDate.now(ZoneOffset.UTC).minusDays(days), days, customers, faults);
  }

  DemoFeed(AwsClientFactory clients, LocalDate start, int days, int customers, FaultRates faults) {
    this.clients = clients;
    this.start = start;
    this.days = days;
    this.customers = customers;
    this.faults = faults;
  }

  /**
   * Every datagen fault at {@code rate}, except oversized stream records at a twentieth of it: each
   * is about 1 MB, and kinesis-mock takes seconds of both cores per megabyte, which would hold up
   * every other record for minutes.
   */
  static FaultRates demoFaults(double rate) {
    return FaultRates.uniform(rate).with(FaultKind.OVERSIZED_RECORD, rate / 20);
  }

  /** The backfill days, with files, truth and faults, as fast as the platform takes them. */
  void backfill() {
    run(backfillConfig());
  }

  /**
   * The backfill days, then live until the thread is interrupted: clickstream, web logs and orders
   * happen now, at about {@code recordsPerSecond} (the last {@link #LIVE_CATCH_UP} of them at
   * once), order and return files land every {@link #LIVE_FILE_INTERVAL}, and the ground truth is
   * rewritten after every day. Every record waits for its time, so none is from the future.
   */
  void live(double recordsPerSecond) {
    Instant from = Instant.now().minus(LIVE_CATCH_UP);
    run(
        backfillConfig()
            .withLive(new DatagenConfig.Live(from, recordsPerSecond, LIVE_FILE_INTERVAL)));
  }

  private DatagenConfig backfillConfig() {
    DatagenConfig base = DatagenConfig.of(days, customers);
    return new DatagenConfig(base.seed(), start, days, customers, base.products(), faults, 0, 0);
  }

  private void run(DatagenConfig config) {
    try (AwsSink sink = new AwsSink(clients)) {
      Datagen.run(config, sink);
    }
  }
}

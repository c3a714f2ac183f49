package io.customer360.demo;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.datagen.Datagen;
import io.customer360.datagen.DatagenConfig;
import io.customer360.datagen.fault.FaultKind;
import io.customer360.datagen.fault.FaultRates;
import io.customer360.datagen.sink.AwsSink;
import io.customer360.datagen.sink.DataSink;
import io.customer360.datagen.sink.StreamRecord;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Feeds the demo: first a few simulated days ending yesterday, sent as fast as the platform takes
 * them (streams to Kinesis, batch files to {@code landing/}, the ground truth to {@code truth/}),
 * then continuous clickstream and web logs at a steady rate until stopped.
 */
final class DemoFeed {

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
    DatagenConfig base = DatagenConfig.of(days, customers);
    DatagenConfig config =
        new DatagenConfig(base.seed(), start, days, customers, base.products(), faults, 0, 0);
    try (AwsSink sink = new AwsSink(clients)) {
      Datagen.run(config, sink);
    }
  }

  /**
   * From today on, streams only, played in real time (one simulated second per second) at no more
   * than {@code rate} records per second. Runs until the thread is interrupted.
   */
  void stream(double rate) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    DatagenConfig base = DatagenConfig.of(1, customers);
    DatagenConfig config =
        new DatagenConfig(
            base.seed() + 1, today, 365, customers, base.products(), FaultRates.none(), rate, 1);
    try (DataSink sink = new StreamsOnly(new AwsSink(clients))) {
      Datagen.run(config, sink);
    }
  }

  /** Passes stream records on and drops batch files and truth, which the backfill owns. */
  private record StreamsOnly(DataSink delegate) implements DataSink {
    @Override
    public void putRecords(String stream, List<StreamRecord> records) {
      delegate.putRecords(stream, records);
    }

    @Override
    public void putFile(String key, byte[] content) {}

    @Override
    public void putTruth(String name, byte[] content) {}

    @Override
    public void close() {
      delegate.close();
    }
  }
}

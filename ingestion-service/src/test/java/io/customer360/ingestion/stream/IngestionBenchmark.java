package io.customer360.ingestion.stream;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.infra.local.LocalPlatform;
import io.customer360.infra.local.LocalPlatformConfig;
import io.customer360.ingestion.IngestionProperties;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.util.unit.DataSize;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.leases.LeaseAssignmentStrategy;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.metrics.MetricsLevel;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.retrieval.polling.PollingConfig;

/**
 * Bronze ingestion rate against a no-op KCL consumer reading the same pre-filled stream in the same
 * run, with identical KCL settings (polling every 200 ms, up to 1,000 records a call); only the
 * record processor differs. Each is timed from the first record delivered to the last record
 * handled (for bronze: written to S3 and announced), so KCL start-up is not counted. Run by {@code
 * benchmarks/ingestion-throughput.sh}.
 */
public final class IngestionBenchmark {

  private static final int SHARDS = 2;
  private static final int RECORDS_PER_POLL = 1_000;
  private static final int FILE_RECORDS = 2_500;

  /**
   * One poll interval: the last, partly filled file of each shard is written at the next poll
   * instead of after the service's default 15 s. That wait is a latency setting (the freshness
   * budget), not throughput, and with a fixed wait the ratio would depend on the run's length.
   */
  private static final Duration MAX_AGE = Duration.ofMillis(200);

  private IngestionBenchmark() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    LocalPlatform platform = LocalPlatform.start(LocalPlatformConfig.forTests());
    Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
    AwsClientFactory clients = new AwsClientFactory(platform.endpoints().awsSettings());
    StreamTestSupport support = new StreamTestSupport(clients, "bench", SHARDS);
    for (int from = 0; from < records; from += 500) {
      support.put(from, Math.min(500, records - from));
    }
    System.out.printf(
        "Stream %s filled with %d records on %d shards%n", support.stream, records, SHARDS);

    Progress noOp = new Progress();
    double baseline =
        run(support, clients, "noop", () -> new CountingProcessor(noOp), noOp, records);
    Progress bronze = new Progress();
    BatchSink sink = support.bronzeSink();
    BatchSink countingSink =
        batch -> {
          sink.write(batch);
          bronze.add(batch.records());
        };
    double value =
        run(
            support,
            clients,
            "bronze",
            () -> new FirstRecordTimer(bronze, processor(support, countingSink)),
            bronze,
            records);
    System.out.printf(
        Locale.ROOT,
        "RESULT ingestion_rate value=%.0f unit=events/s baseline=%.0f ratio=%.3f%n",
        value,
        baseline,
        value / baseline);
    System.out.printf(
        Locale.ROOT,
        "RESULT ingestion_rate_per_shard value=%.0f unit=events/s/shard baseline=1000 ratio=%.3f%n",
        value / SHARDS,
        value / SHARDS / 1000.0);
    System.exit(0);
  }

  private static ShardRecordProcessor processor(StreamTestSupport support, BatchSink sink) {
    return new BronzeRecordProcessor(
        support.stream,
        support.dataset,
        sink,
        support.metrics,
        new IngestionProperties.Rotation(DataSize.ofMegabytes(64), FILE_RECORDS, MAX_AGE));
  }

  private static double run(
      StreamTestSupport support,
      AwsClientFactory clients,
      String name,
      Supplier<ShardRecordProcessor> processors,
      Progress progress,
      int records)
      throws InterruptedException {
    ConfigsBuilder configs =
        new ConfigsBuilder(
            support.stream,
            "bench-" + name + "-" + support.stream,
            clients.kinesisAsync(),
            clients.dynamoDbAsync(),
            clients.cloudWatchAsync(),
            "bench-" + name,
            processors::get);
    Scheduler scheduler =
        new Scheduler(
            configs.checkpointConfig(),
            configs.coordinatorConfig(),
            configs
                .leaseManagementConfig()
                .failoverTimeMillis(10_000)
                .shardSyncIntervalMillis(1_000)
                .leaseAssignmentStrategy(LeaseAssignmentStrategy.LEASE_COUNT_BASED),
            configs.lifecycleConfig(),
            configs.metricsConfig().metricsLevel(MetricsLevel.NONE),
            configs.processorConfig().callProcessRecordsEvenForEmptyRecordList(true),
            configs
                .retrievalConfig()
                .initialPositionInStreamExtended(
                    InitialPositionInStreamExtended.newInitialPosition(
                        InitialPositionInStream.TRIM_HORIZON))
                .retrievalSpecificConfig(
                    new PollingConfig(support.stream, clients.kinesisAsync())
                        .maxRecords(RECORDS_PER_POLL)
                        .idleTimeBetweenReadsInMillis(200)));
    Thread thread = new Thread(scheduler, "bench-" + name);
    thread.setDaemon(true);
    thread.start();
    try {
      return progress.awaitRate(records);
    } finally {
      scheduler.shutdown();
    }
  }

  /** Counts handled records and times from the first delivered to the last handled. */
  private static final class Progress {
    private final AtomicLong count = new AtomicLong();
    private volatile long firstNanos;
    private volatile long lastNanos;

    synchronized void delivered() {
      if (firstNanos == 0) {
        firstNanos = System.nanoTime();
      }
    }

    void add(long records) {
      count.addAndGet(records);
      lastNanos = System.nanoTime();
    }

    double awaitRate(int expected) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      while (count.get() < expected) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Only " + count.get() + " of " + expected + " records");
        }
        Thread.sleep(50);
      }
      return expected / ((lastNanos - firstNanos) / 1e9);
    }
  }

  /** Notes when the first record reaches the wrapped processor. */
  private record FirstRecordTimer(Progress progress, ShardRecordProcessor delegate)
      implements ShardRecordProcessor {

    @Override
    public void initialize(InitializationInput input) {
      delegate.initialize(input);
    }

    @Override
    public void processRecords(ProcessRecordsInput input) {
      if (!input.records().isEmpty()) {
        progress.delivered();
      }
      delegate.processRecords(input);
    }

    @Override
    public void leaseLost(LeaseLostInput input) {
      delegate.leaseLost(input);
    }

    @Override
    public void shardEnded(ShardEndedInput input) {
      delegate.shardEnded(input);
    }

    @Override
    public void shutdownRequested(ShutdownRequestedInput input) {
      delegate.shutdownRequested(input);
    }
  }

  /** The no-op consumer: counts what KCL delivers. */
  private record CountingProcessor(Progress progress) implements ShardRecordProcessor {

    @Override
    public void initialize(InitializationInput input) {}

    @Override
    public void processRecords(ProcessRecordsInput input) {
      if (!input.records().isEmpty()) {
        progress.delivered();
        progress.add(input.records().size());
      }
    }

    @Override
    public void leaseLost(LeaseLostInput input) {}

    @Override
    public void shardEnded(ShardEndedInput input) {}

    @Override
    public void shutdownRequested(ShutdownRequestedInput input) {}
  }
}

package io.customer360.ingestion.stream;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.infra.local.LocalPlatform;
import io.customer360.infra.local.LocalPlatformConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * run. Both start from TRIM_HORIZON; each is timed from its first record to its last, so KCL
 * start-up is not counted. Run by {@code benchmarks/ingestion-throughput.sh}.
 */
public final class IngestionBenchmark {

  private static final int SHARDS = 2;

  private IngestionBenchmark() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    try (LocalPlatform platform = LocalPlatform.start(LocalPlatformConfig.forTests())) {
      AwsClientFactory clients = new AwsClientFactory(platform.endpoints().awsSettings());
      StreamTestSupport support = new StreamTestSupport(clients, "bench", SHARDS);
      for (int from = 0; from < records; from += 500) {
        support.put(from, Math.min(500, records - from));
      }
      System.out.printf(
          "Stream %s filled with %d records on %d shards%n", support.stream, records, SHARDS);

      double baseline = noOpRate(support, clients, records);
      double bronze = bronzeRate(support, records);
      System.out.printf(
          Locale.ROOT,
          "RESULT ingestion_rate value=%.0f unit=events/s baseline=%.0f ratio=%.3f%n",
          bronze,
          baseline,
          bronze / baseline);
      System.out.printf(
          Locale.ROOT,
          "RESULT ingestion_rate_per_shard value=%.0f unit=events/s/shard baseline=1000 ratio=%.3f%n",
          bronze / SHARDS,
          bronze / SHARDS / 1000.0);
    }
  }

  private static double bronzeRate(StreamTestSupport support, int records) throws Exception {
    Progress progress = new Progress();
    BatchSink bronze = support.bronzeSink();
    StreamConsumer consumer =
        support.consumer(
            "bench-bronze",
            batch -> {
              progress.first();
              bronze.write(batch);
              progress.add(batch.records());
            },
            10_000,
            Duration.ofSeconds(2));
    consumer.start();
    try {
      return progress.awaitRate(records);
    } finally {
      consumer.halt();
    }
  }

  /** A KCL consumer whose processor only counts records. */
  private static double noOpRate(StreamTestSupport support, AwsClientFactory clients, int records)
      throws Exception {
    Progress progress = new Progress();
    ConfigsBuilder configs =
        new ConfigsBuilder(
            support.stream,
            "bench-noop-" + support.stream,
            clients.kinesisAsync(),
            clients.dynamoDbAsync(),
            clients.cloudWatchAsync(),
            "bench-noop",
            () -> new CountingProcessor(progress));
    Scheduler scheduler =
        new Scheduler(
            configs.checkpointConfig(),
            configs.coordinatorConfig(),
            configs
                .leaseManagementConfig()
                .failoverTimeMillis(2_000)
                .shardSyncIntervalMillis(1_000)
                .leaseAssignmentStrategy(LeaseAssignmentStrategy.LEASE_COUNT_BASED),
            configs.lifecycleConfig(),
            configs.metricsConfig().metricsLevel(MetricsLevel.NONE),
            configs.processorConfig(),
            configs
                .retrievalConfig()
                .initialPositionInStreamExtended(
                    InitialPositionInStreamExtended.newInitialPosition(
                        InitialPositionInStream.TRIM_HORIZON))
                .retrievalSpecificConfig(
                    new PollingConfig(support.stream, clients.kinesisAsync())
                        .idleTimeBetweenReadsInMillis(200)));
    Thread thread = new Thread(scheduler, "bench-noop");
    thread.setDaemon(true);
    thread.start();
    try {
      return progress.awaitRate(records);
    } finally {
      scheduler.shutdown();
    }
  }

  /** Counts records and times from the first to the last. */
  private static final class Progress {
    private final AtomicLong count = new AtomicLong();
    private volatile long firstNanos;
    private volatile long lastNanos;

    synchronized void first() {
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
        Thread.sleep(100);
      }
      return expected / ((lastNanos - firstNanos) / 1e9);
    }
  }

  private static final class CountingProcessor implements ShardRecordProcessor {
    private final Progress progress;

    CountingProcessor(Progress progress) {
      this.progress = progress;
    }

    @Override
    public void initialize(InitializationInput input) {}

    @Override
    public void processRecords(ProcessRecordsInput input) {
      if (!input.records().isEmpty()) {
        progress.first();
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

package io.customer360.ingestion.stream;

import io.customer360.ingestion.IngestionProperties;
import io.customer360.ingestion.bronze.IngestionMetrics;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.metrics.MetricsLevel;
import software.amazon.kinesis.retrieval.RetrievalSpecificConfig;
import software.amazon.kinesis.retrieval.fanout.FanOutConfig;
import software.amazon.kinesis.retrieval.polling.PollingConfig;

/**
 * Runs one KCL {@link Scheduler} per stream, each writing its shards to bronze. Shards are balanced
 * across instances by KCL leases in DynamoDB ({@code <application>-<stream>} tables).
 */
public final class StreamConsumer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StreamConsumer.class);
  private static final long SHUTDOWN_TIMEOUT_SECONDS = 60;

  private final IngestionProperties.Stream config;
  private final List<StreamRoute> routes;
  private final BatchSink sink;
  private final IngestionMetrics metrics;
  private final KinesisAsyncClient kinesis;
  private final DynamoDbAsyncClient dynamo;
  private final CloudWatchAsyncClient cloudWatch;
  private final String workerId;
  private final List<Scheduler> schedulers = new ArrayList<>();
  private volatile boolean running;

  public StreamConsumer(
      IngestionProperties.Stream config,
      List<StreamRoute> routes,
      BatchSink sink,
      IngestionMetrics metrics,
      KinesisAsyncClient kinesis,
      DynamoDbAsyncClient dynamo,
      CloudWatchAsyncClient cloudWatch) {
    this.config = config;
    this.routes = List.copyOf(routes);
    this.sink = sink;
    this.metrics = metrics;
    this.kinesis = kinesis;
    this.dynamo = dynamo;
    this.cloudWatch = cloudWatch;
    this.workerId = config.workerId().isBlank() ? defaultWorkerId() : config.workerId();
  }

  @Override
  public synchronized void start() {
    for (StreamRoute route : routes) {
      Scheduler scheduler = scheduler(route);
      Thread thread = new Thread(scheduler, "kcl-" + route.stream());
      thread.setDaemon(true);
      thread.start();
      schedulers.add(scheduler);
      log.info(
          "Consuming stream={} dataset={} worker={} retrieval={}",
          route.stream(),
          route.dataset(),
          workerId,
          config.retrieval());
    }
    running = true;
  }

  /** Graceful shutdown: processors write and checkpoint what they buffered, leases are released. */
  @Override
  public synchronized void stop() {
    for (Scheduler scheduler : schedulers) {
      try {
        scheduler.startGracefulShutdown().get(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException | ExecutionException e) {
        log.warn("Graceful KCL shutdown failed, forcing it: {}", e.toString());
        scheduler.shutdown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        scheduler.shutdown();
      }
    }
    schedulers.clear();
    running = false;
  }

  /** Stops at once, as a killed process would: nothing is written or checkpointed any more. */
  public synchronized void halt() {
    schedulers.forEach(Scheduler::shutdown);
    schedulers.clear();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** This instance's KCL worker id. */
  public String workerId() {
    return workerId;
  }

  /** The lease table of a stream. */
  public String leaseTable(String stream) {
    return config.applicationName() + "-" + stream;
  }

  private Scheduler scheduler(StreamRoute route) {
    ConfigsBuilder configs =
        new ConfigsBuilder(
            route.stream(),
            leaseTable(route.stream()),
            kinesis,
            dynamo,
            cloudWatch,
            workerId,
            () ->
                new BronzeRecordProcessor(
                    route.stream(), route.dataset(), sink, metrics, config.rotation()));
    return new Scheduler(
        configs.checkpointConfig(),
        configs.coordinatorConfig(),
        configs
            .leaseManagementConfig()
            .failoverTimeMillis(config.failoverTime().toMillis())
            .shardSyncIntervalMillis(config.shardSyncInterval().toMillis())
            .workerUtilizationAwareAssignmentConfig(
                configs
                    .leaseManagementConfig()
                    .workerUtilizationAwareAssignmentConfig()
                    .disableWorkerMetrics(!config.workerMetrics())),
        configs.lifecycleConfig(),
        configs.metricsConfig().metricsLevel(metricsLevel()),
        // Called on empty polls too, so a quiet shard still writes its batch when it is old.
        configs.processorConfig().callProcessRecordsEvenForEmptyRecordList(true),
        configs
            .retrievalConfig()
            .initialPositionInStreamExtended(initialPosition())
            .retrievalSpecificConfig(retrieval(route)));
  }

  private RetrievalSpecificConfig retrieval(StreamRoute route) {
    if (config.retrieval() == IngestionProperties.Retrieval.FAN_OUT) {
      return new FanOutConfig(kinesis)
          .streamName(route.stream())
          .applicationName(leaseTable(route.stream()));
    }
    return new PollingConfig(route.stream(), kinesis)
        .idleTimeBetweenReadsInMillis(config.pollInterval().toMillis());
  }

  private InitialPositionInStreamExtended initialPosition() {
    return InitialPositionInStreamExtended.newInitialPosition(
        config.initialPosition() == IngestionProperties.InitialPosition.LATEST
            ? InitialPositionInStream.LATEST
            : InitialPositionInStream.TRIM_HORIZON);
  }

  private MetricsLevel metricsLevel() {
    return MetricsLevel.valueOf(config.metricsLevel().name().toUpperCase(Locale.ROOT));
  }

  private static String defaultWorkerId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}

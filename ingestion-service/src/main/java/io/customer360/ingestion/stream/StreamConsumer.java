package io.customer360.ingestion.stream;

import io.customer360.common.aws.DynamoTables;
import io.customer360.ingestion.IngestionProperties;
import io.customer360.ingestion.bronze.IngestionMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import software.amazon.kinesis.leases.LeaseAssignmentStrategy;
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
  private static final java.time.Duration RESTART_DELAY = java.time.Duration.ofSeconds(5);

  private final IngestionProperties.Stream config;
  private final List<StreamRoute> routes;
  private final BatchSink sink;
  private final IngestionMetrics metrics;
  private final KinesisAsyncClient kinesis;
  private final DynamoDbAsyncClient dynamo;
  private final CloudWatchAsyncClient cloudWatch;
  private final String workerId;
  private final List<SupervisedScheduler> schedulers = new ArrayList<>();
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
    this.workerId = config.workerId().isBlank() ? DynamoTables.newOwnerId() : config.workerId();
  }

  @Override
  public synchronized void start() {
    running = true;
    for (StreamRoute route : routes) {
      SupervisedScheduler supervised = new SupervisedScheduler(route);
      schedulers.add(supervised);
      supervised.start();
      log.info(
          "Consuming stream={} dataset={} worker={} retrieval={}",
          route.stream(),
          route.dataset(),
          workerId,
          config.retrieval());
    }
  }

  /** Graceful shutdown: processors write and checkpoint what they buffered, leases are released. */
  @Override
  public synchronized void stop() {
    running = false;
    schedulers.forEach(SupervisedScheduler::stopGracefully);
    schedulers.clear();
  }

  /** Stops at once, as a killed process would: nothing is written or checkpointed any more. */
  public synchronized void halt() {
    running = false;
    schedulers.forEach(SupervisedScheduler::halt);
    schedulers.clear();
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

  /**
   * Runs a stream's scheduler on its own thread and starts a new one if it ever stops while the
   * consumer should run. KCL gives up after failed initialization (for example two workers racing
   * to initialize a new application's coordinator state) and a worker must not stay silent then.
   */
  private final class SupervisedScheduler {
    private final StreamRoute route;
    private final Thread thread;
    private volatile Scheduler current;

    SupervisedScheduler(StreamRoute route) {
      this.route = route;
      this.thread = new Thread(this::superviseLoop, "kcl-" + route.stream());
      this.thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    private void superviseLoop() {
      while (running) {
        current = scheduler(route);
        current.run();
        if (running) {
          log.warn(
              "KCL scheduler stopped unexpectedly stream={}; restarting in {}",
              route.stream(),
              RESTART_DELAY);
          try {
            Thread.sleep(RESTART_DELAY.toMillis());
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }

    void stopGracefully() {
      Scheduler scheduler = current;
      if (scheduler == null) {
        return;
      }
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

    void halt() {
      Scheduler scheduler = current;
      if (scheduler != null) {
        scheduler.shutdown();
      }
      thread.interrupt();
    }
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
            .leaseAssignmentStrategy(leaseAssignmentStrategy())
            .workerUtilizationAwareAssignmentConfig(
                configs
                    .leaseManagementConfig()
                    .workerUtilizationAwareAssignmentConfig()
                    // Without CPU metrics (no ECS/EC2 metadata) a worker reporting none is ignored.
                    .disableWorkerMetrics(
                        config.leaseAssignment()
                            == IngestionProperties.LeaseAssignment.LEASE_COUNT)),
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

  private LeaseAssignmentStrategy leaseAssignmentStrategy() {
    return config.leaseAssignment() == IngestionProperties.LeaseAssignment.WORKER_UTILIZATION
        ? LeaseAssignmentStrategy.WORKER_UTILIZATION_AWARE
        : LeaseAssignmentStrategy.LEASE_COUNT_BASED;
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
}

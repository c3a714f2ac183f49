package io.customer360.infra.local;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.infra.local.internal.EmbeddedDynamoDb;
import io.customer360.infra.local.internal.EmbeddedS3;
import io.customer360.infra.local.internal.EmbeddedSqs;
import io.customer360.infra.local.internal.EmbeddedWarehouse;
import io.customer360.infra.local.internal.FreePort;
import io.customer360.infra.local.internal.KinesisMock;
import io.customer360.infra.local.internal.KinesisMockInstaller;
import io.customer360.infra.local.internal.Provisioner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded local platform: S3 (S3Proxy), SQS (ElasticMQ), DynamoDB (DynamoDB Local), Kinesis
 * (kinesis-mock on Node) and PostgreSQL 17, all on 127.0.0.1, with the lake bucket, streams and
 * queues created. No Docker and no AWS account needed. {@link #close()} stops everything, including
 * the {@code node} and {@code postgres} processes.
 */
public final class LocalPlatform implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);

  private final LocalEndpoints endpoints;
  private final Deque<AutoCloseable> running;
  private final Optional<Path> temporaryDir;

  private LocalPlatform(
      LocalEndpoints endpoints, Deque<AutoCloseable> running, Optional<Path> temporaryDir) {
    this.endpoints = endpoints;
    this.running = running;
    this.temporaryDir = temporaryDir;
  }

  /**
   * Starts every emulator and creates the shared resources.
   *
   * @throws IllegalStateException saying which component failed; whatever had started is stopped
   */
  public static LocalPlatform start(LocalPlatformConfig config) {
    Deque<AutoCloseable> running = new ArrayDeque<>();
    Optional<Path> temporaryDir = Optional.empty();
    String component = "kinesis-mock installation";
    try {
      Path kinesisPackage = KinesisMockInstaller.ensureInstalled(config.cacheDir());
      Path workDir;
      if (config.dataDir().isPresent()) {
        workDir = Files.createDirectories(config.dataDir().get());
      } else {
        workDir = Files.createTempDirectory("c360-local-");
        temporaryDir = Optional.of(workDir);
      }
      var ports = config.ports();
      Path kinesisLog = workDir.resolve("kinesis-mock.log");

      component = "kinesis-mock";
      KinesisMock kinesis =
          KinesisMock.launch(
              kinesisPackage, FreePort.resolve(ports.kinesis()), kinesisLog, config.region());
      running.push(kinesis);

      component = "PostgreSQL";
      EmbeddedWarehouse warehouse = EmbeddedWarehouse.start(FreePort.resolve(ports.postgres()));
      running.push(warehouse);

      component = "S3Proxy";
      EmbeddedS3 s3 =
          EmbeddedS3.start(
              FreePort.resolve(ports.s3()),
              config.dataDir().map(dir -> dir.resolve("s3")),
              config.accessKeyId(),
              config.secretAccessKey());
      running.push(s3);

      component = "ElasticMQ";
      EmbeddedSqs sqs = EmbeddedSqs.start(FreePort.resolve(ports.sqs()), config.region());
      running.push(sqs);

      component = "DynamoDB Local";
      EmbeddedDynamoDb dynamo =
          EmbeddedDynamoDb.start(FreePort.resolve(ports.dynamodb()), config.cacheDir());
      running.push(dynamo);

      component = "kinesis-mock";
      kinesis.awaitReady(kinesisLog);

      component = "resource provisioning";
      LocalEndpoints partial =
          new LocalEndpoints(
              s3.endpoint(),
              sqs.endpoint(),
              dynamo.endpoint(),
              kinesis.endpoint(),
              warehouse.jdbcUrl(),
              warehouse.user(),
              config.region(),
              config.accessKeyId(),
              config.secretAccessKey(),
              Map.of());
      Map<String, String> queueUrls =
          new Provisioner(new AwsClientFactory(partial.awsSettings())).provision();
      LocalEndpoints endpoints =
          new LocalEndpoints(
              partial.s3(),
              partial.sqs(),
              partial.dynamodb(),
              partial.kinesis(),
              partial.jdbcUrl(),
              partial.jdbcUser(),
              partial.region(),
              partial.accessKeyId(),
              partial.secretAccessKey(),
              queueUrls);
      log.info(
          "Local platform started s3={} sqs={} dynamodb={} kinesis={} jdbc={}",
          endpoints.s3(),
          endpoints.sqs(),
          endpoints.dynamodb(),
          endpoints.kinesis(),
          endpoints.jdbcUrl());
      return new LocalPlatform(endpoints, running, temporaryDir);
    } catch (Exception e) {
      stopAll(running);
      temporaryDir.ifPresent(LocalPlatform::deleteQuietly);
      throw new IllegalStateException(
          "Local platform failed to start: " + component + ": " + e.getMessage(), e);
    }
  }

  /** Where everything listens. */
  public LocalEndpoints endpoints() {
    return endpoints;
  }

  /** Stops every component, newest first; a failure to stop one does not keep others running. */
  @Override
  public void close() {
    stopAll(running);
    temporaryDir.ifPresent(LocalPlatform::deleteQuietly);
    log.info("Local platform stopped");
  }

  private static void stopAll(Deque<AutoCloseable> running) {
    while (!running.isEmpty()) {
      AutoCloseable component = running.pop();
      try {
        component.close();
      } catch (Exception e) {
        log.warn("Failed to stop component={}", component.getClass().getSimpleName(), e);
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      log.warn("Could not delete temporary folder dir={}", dir, e);
    }
  }
}

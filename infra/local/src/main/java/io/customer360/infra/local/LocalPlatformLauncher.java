package io.customer360.infra.local;

import io.customer360.common.aws.PlatformResources;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the local platform from the command line and prints its endpoints; Ctrl-C stops
 * everything. Options: {@code --data-dir=PATH} keeps the lake there (default {@code .c360-local}),
 * {@code --transient} keeps nothing, {@code --free-ports} binds free ports instead of the fixed
 * demo ports.
 */
public final class LocalPlatformLauncher {

  /** The line printed once everything is up; tools wait for it. */
  public static final String READY_MARKER = "C360 LOCAL PLATFORM READY";

  private LocalPlatformLauncher() {}

  public static void main(String[] args) throws InterruptedException {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "local-platform-logback.xml");
    }
    LocalPlatformConfig config = parse(args);
    LocalPlatform platform = LocalPlatform.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping the local platform...");
                  platform.close();
                  stopped.countDown();
                },
                "local-platform-shutdown"));
    print(platform.endpoints(), config, System.out);
    stopped.await();
  }

  static LocalPlatformConfig parse(String[] args) {
    Path dataDir = Path.of(".c360-local");
    boolean transientStorage = false;
    boolean freePorts = false;
    for (String arg : args) {
      if (arg.startsWith("--data-dir=")) {
        dataDir = Path.of(arg.substring("--data-dir=".length()));
      } else if (arg.equals("--transient")) {
        transientStorage = true;
      } else if (arg.equals("--free-ports")) {
        freePorts = true;
      } else {
        throw new IllegalArgumentException(
            "Unknown option '" + arg + "'; expected --data-dir=PATH, --transient, --free-ports");
      }
    }
    LocalPlatformConfig.Ports ports =
        freePorts ? LocalPlatformConfig.Ports.free() : LocalPlatformConfig.Ports.demo();
    LocalPlatformConfig base =
        transientStorage
            ? LocalPlatformConfig.forTests()
            : LocalPlatformConfig.persistent(dataDir.toAbsolutePath(), ports);
    return new LocalPlatformConfig(
        base.dataDir(),
        base.cacheDir(),
        ports,
        base.region(),
        base.accessKeyId(),
        base.secretAccessKey());
  }

  static void print(LocalEndpoints endpoints, LocalPlatformConfig config, PrintStream out) {
    out.println();
    out.println("Customer 360 local platform");
    out.printf(
        "  S3 (S3Proxy)          %s  bucket %s, path-style%s%n",
        endpoints.s3(),
        PlatformResources.LAKE_BUCKET,
        config.dataDir().map(d -> ", stored in " + d.resolve("s3")).orElse(", in memory"));
    out.printf(
        "  SQS (ElasticMQ)       %s  queues %s (each with -dlq)%n",
        endpoints.sqs(), String.join(", ", PlatformResources.queues()));
    out.printf("  DynamoDB (Local)      %s%n", endpoints.dynamodb());
    out.printf(
        "  Kinesis (kinesis-mock) %s  streams %s%n",
        endpoints.kinesis(), String.join(", ", PlatformResources.streams()));
    out.printf("  PostgreSQL 17         %s  user %s%n", endpoints.jdbcUrl(), endpoints.jdbcUser());
    out.printf(
        "  AWS                   region %s, access key %s, secret key %s%n",
        endpoints.region(), endpoints.accessKeyId(), endpoints.secretAccessKey());
    out.println("Press Ctrl-C to stop.");
    out.printf(
        "%s s3=%s sqs=%s dynamodb=%s kinesis=%s jdbc=%s%n",
        READY_MARKER,
        endpoints.s3(),
        endpoints.sqs(),
        endpoints.dynamodb(),
        endpoints.kinesis(),
        endpoints.jdbcUrl());
    out.flush();
  }
}

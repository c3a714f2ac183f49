package io.customer360.infra.local;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to start the {@link LocalPlatform}.
 *
 * @param dataDir where S3 keeps the lake across restarts, with the emulators' logs (the demo); or
 *     empty for in-memory storage and a temporary log folder deleted on stop (tests). Queues,
 *     streams, leases and the warehouse are always in memory or temporary: they are rebuilt from
 *     the lake by idempotent stages.
 * @param cacheDir where downloaded tools are kept between runs (kinesis-mock from npm)
 * @param ports the ports to bind on 127.0.0.1; 0 picks a free port
 * @param region the AWS region the emulators pretend to be
 * @param accessKeyId the access key the emulators accept
 * @param secretAccessKey the secret key the emulators accept
 */
public record LocalPlatformConfig(
    Optional<Path> dataDir,
    Path cacheDir,
    Ports ports,
    String region,
    String accessKeyId,
    String secretAccessKey) {

  /**
   * Ports of each emulator; 0 means any free port.
   *
   * @param s3 S3Proxy
   * @param sqs ElasticMQ
   * @param dynamodb DynamoDB Local
   * @param kinesis kinesis-mock, plain HTTP
   * @param postgres embedded PostgreSQL
   */
  public record Ports(int s3, int sqs, int dynamodb, int kinesis, int postgres) {

    /** Free ports everywhere. */
    public static Ports free() {
      return new Ports(0, 0, 0, 0, 0);
    }

    /** The fixed ports of the demo, as printed in the README. */
    public static Ports demo() {
      return new Ports(9090, 9324, 8000, 4568, 5433);
    }
  }

  /** Transient storage, free ports: what tests use. */
  public static LocalPlatformConfig forTests() {
    return new LocalPlatformConfig(
        Optional.empty(), defaultCacheDir(), Ports.free(), "us-east-1", "local", "local-secret");
  }

  /** Persistent storage under {@code dataDir}, the given ports: what the demo uses. */
  public static LocalPlatformConfig persistent(Path dataDir, Ports ports) {
    return new LocalPlatformConfig(
        Optional.of(dataDir), defaultCacheDir(), ports, "us-east-1", "local", "local-secret");
  }

  /** {@code $C360_CACHE_DIR}, else {@code ~/.cache/customer360}. */
  public static Path defaultCacheDir() {
    String configured = System.getenv("C360_CACHE_DIR");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "customer360");
  }
}

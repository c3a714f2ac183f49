package io.customer360.transform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of transform-service, bound from {@code c360.transform.*}.
 *
 * @param bucket The lake bucket.
 * @param bronzeReadyQueue SQS queue of bronze-ready messages consumed.
 * @param silverReadyQueue SQS queue of silver-ready messages.
 * @param goldReadyQueue SQS queue announcing gold batches.
 * @param piiKey Secret for keyed hashing and tokenization of PII (environment {@code
 *     C360_PII_KEY}); at least 16 characters. Changing it changes every token.
 * @param workDir Local scratch space for downloaded objects, DuckDB spill files and outputs.
 * @param duckdb The embedded engine's limits.
 * @param gold When the gold models run.
 * @param catalog Where silver tables are registered.
 * @param silverLock The lease that serializes silver merges of a dataset across instances.
 */
@ConfigurationProperties("c360.transform")
public record TransformProperties(
    @DefaultValue("c360-lake") String bucket,
    @DefaultValue("c360-bronze-ready") String bronzeReadyQueue,
    @DefaultValue("c360-silver-ready") String silverReadyQueue,
    @DefaultValue("c360-gold-ready") String goldReadyQueue,
    String piiKey,
    Path workDir,
    @DefaultValue Engine duckdb,
    @DefaultValue Gold gold,
    @DefaultValue Catalog catalog,
    @DefaultValue SilverLock silverLock) {

  public TransformProperties {
    if (workDir == null) {
      workDir = Path.of(System.getProperty("java.io.tmpdir"), "c360-transform");
    }
  }

  /**
   * Gold runs: after silver changed, at most once per {@code interval}; and once at start-up.
   *
   * @param enabled whether this instance runs the gold models
   * @param interval the shortest time between two runs
   * @param parameters values for the models' declared parameters (e.g. {@code churn_horizon_days});
   *     a model's default applies to a parameter not given
   */
  public record Gold(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("15s") java.time.Duration interval,
      java.util.Map<String, Long> parameters) {

    public Gold {
      parameters = parameters == null ? java.util.Map.of() : java.util.Map.copyOf(parameters);
    }
  }

  /**
   * Where silver tables are registered: in the Glue Data Catalog when {@code glueDatabase} is set
   * (AWS), else as JSON documents under {@code catalog/silver/} in the lake (local platform, demo).
   *
   * @param glueDatabase the Glue database of the silver tables ({@code c360_lake} in AWS); it must
   *     exist. Unset or blank for the JSON catalog.
   */
  public record Catalog(String glueDatabase) {

    public Catalog {
      glueDatabase = glueDatabase == null || glueDatabase.isBlank() ? null : glueDatabase.strip();
    }

    /** The Glue database, when silver is registered in Glue. */
    public java.util.Optional<String> glue() {
      return java.util.Optional.ofNullable(glueDatabase);
    }
  }

  /**
   * The lease in DynamoDB that lets one instance at a time merge into a dataset's silver partitions
   * ({@code DatasetLocks}). One item per dataset; a crashed holder's lease is taken over once it
   * has gone {@code leaseDuration} without renewal.
   *
   * @param table the DynamoDB table of the leases (partition key {@code id}, TTL on {@code
   *     expires_at}); created when missing (local platform, tests), declared by the CDK in AWS
   * @param leaseDuration how long a lease lasts without renewal
   * @param heartbeatInterval how often a held lease is renewed; at most half the lease duration, so
   *     one failed renewal does not lose it
   * @param acquireTimeout how long a promotion waits for the dataset before it fails (its message
   *     is then redelivered); below the bronze-ready queue's visibility timeout in AWS (5 minutes)
   */
  public record SilverLock(
      @DefaultValue("c360-transform-locks") String table,
      @DefaultValue("30s") java.time.Duration leaseDuration,
      @DefaultValue("10s") java.time.Duration heartbeatInterval,
      @DefaultValue("4m") java.time.Duration acquireTimeout) {

    public SilverLock {
      if (table == null || table.isBlank()) {
        throw new IllegalArgumentException("c360.transform.silver-lock.table must be set");
      }
      if (heartbeatInterval.isNegative()
          || heartbeatInterval.isZero()
          || heartbeatInterval.multipliedBy(2).compareTo(leaseDuration) > 0) {
        throw new IllegalArgumentException(
            "c360.transform.silver-lock.heartbeat-interval ("
                + heartbeatInterval
                + ") must be positive and at most half of lease-duration ("
                + leaseDuration
                + ")");
      }
      if (acquireTimeout.isNegative()) {
        throw new IllegalArgumentException(
            "c360.transform.silver-lock.acquire-timeout must not be negative");
      }
    }
  }

  /**
   * DuckDB limits. Memory is bounded by {@code memoryLimit}; larger work spills to the work
   * directory, so memory does not grow with the input.
   *
   * @param memoryLimit DuckDB's memory limit
   * @param threads DuckDB worker threads
   */
  public record Engine(@DefaultValue("1GB") DataSize memoryLimit, @DefaultValue("2") int threads) {}
}

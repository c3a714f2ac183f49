package io.customer360.ingestion;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of ingestion-service, bound from {@code c360.ingestion.*}.
 *
 * @param bucket the lake bucket
 * @param bronzeReadyQueue SQS queue announcing bronze objects
 * @param stream Kinesis consumption
 * @param landing batch drops under {@code landing/}
 */
@ConfigurationProperties("c360.ingestion")
public record IngestionProperties(
    @DefaultValue("c360-lake") String bucket,
    @DefaultValue("c360-bronze-ready") String bronzeReadyQueue,
    @DefaultValue Stream stream,
    @DefaultValue Landing landing) {

  /**
   * Kinesis consumption with the KCL. One stream per source (clickstream, weblog), so each scales,
   * is retained and alarmed on its own; each record is routed to the dataset whose contract names
   * its stream.
   *
   * @param enabled whether to consume at all
   * @param streams the streams to consume
   * @param applicationName KCL application name prefix; the lease table is {@code
   *     <prefix>-<stream>}
   * @param workerId this instance's KCL worker id; empty means host name plus a random suffix
   * @param retrieval {@code polling} (local, default) or {@code fan-out} (enhanced fan-out in AWS)
   * @param initialPosition where a new application starts reading: {@code trim-horizon} or {@code
   *     latest}
   * @param pollInterval polling only: pause between GetRecords calls of a shard
   * @param failoverTime how long a lease may go unrenewed before another worker takes it
   * @param shardSyncInterval how often shards are listed; KCL 3 also starts consuming newly
   *     assigned leases on this beat, so it bounds how fast a worker starts or takes over
   * @param workerMetrics KCL 3 CPU-utilization-aware lease balancing; needs a host where KCL can
   *     read CPU utilization (ECS, EC2). Off, leases are balanced by throughput and count, which is
   *     what works on a laptop or in CI.
   * @param metricsLevel KCL's own CloudWatch metrics: {@code none} locally, {@code summary} in AWS
   * @param rotation when a shard's bronze file is closed and written
   */
  public record Stream(
      @DefaultValue("true") boolean enabled,
      @DefaultValue({"c360-clickstream", "c360-weblog"}) List<String> streams,
      @DefaultValue("c360-ingestion") String applicationName,
      @DefaultValue("") String workerId,
      @DefaultValue("polling") Retrieval retrieval,
      @DefaultValue("trim-horizon") InitialPosition initialPosition,
      @DefaultValue("500ms") Duration pollInterval,
      @DefaultValue("10s") Duration failoverTime,
      @DefaultValue("10s") Duration shardSyncInterval,
      @DefaultValue("lease-count") LeaseAssignment leaseAssignment,
      @DefaultValue("none") MetricsLevel metricsLevel,
      @DefaultValue Rotation rotation) {}

  /**
   * A shard's open bronze file is written when any limit is reached. The defaults give files of a
   * few MB compressed under load and keep data no older than 15 s in memory, well inside the
   * one-minute freshness promise.
   *
   * @param maxBytes uncompressed JSON-lines bytes
   * @param maxRecords records
   * @param maxAge time since the first record was buffered
   */
  public record Rotation(
      @DefaultValue("64MB") DataSize maxBytes,
      @DefaultValue("100000") int maxRecords,
      @DefaultValue("15s") Duration maxAge) {}

  /**
   * Batch drops.
   *
   * @param enabled whether to ingest drops at all
   * @param eventsQueue SQS queue of S3 event notifications for {@code landing/}
   * @param rescanInterval time between rescans of {@code landing/}; zero disables rescans
   * @param ledgerTable DynamoDB table remembering every file ingested
   * @param maxFileSize larger files are quarantined as {@code too_large}
   */
  public record Landing(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("c360-landing-events") String eventsQueue,
      @DefaultValue("60s") Duration rescanInterval,
      @DefaultValue("c360-landing-ledger") String ledgerTable,
      @DefaultValue("2GB") DataSize maxFileSize) {}

  /** How the KCL retrieves records. */
  public enum Retrieval {
    POLLING,
    FAN_OUT
  }

  /** Where a new KCL application starts. */
  public enum InitialPosition {
    TRIM_HORIZON,
    LATEST
  }

  /** KCL 3 lease assignment strategy. */
  public enum LeaseAssignment {
    LEASE_COUNT,
    WORKER_UTILIZATION
  }

  /** KCL metrics level. */
  public enum MetricsLevel {
    NONE,
    SUMMARY,
    DETAILED
  }
}

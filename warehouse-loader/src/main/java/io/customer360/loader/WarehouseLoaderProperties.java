package io.customer360.loader;

import io.customer360.loader.warehouse.WarehouseFlavour;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of warehouse-loader, bound from {@code c360.warehouse-loader.*}. The warehouse
 * connection itself is {@code spring.datasource.*}.
 *
 * @param bucket the lake bucket; batches in another bucket are refused
 * @param goldReadyQueue SQS queue of gold-ready messages consumed
 * @param warehouseFlavour {@code postgresql} or {@code redshift}; must match the JDBC URL
 * @param listenerEnabled whether to consume the queue (off for tools that only migrate)
 * @param maxConcurrentLoads loads running at once in this instance
 * @param retryDelay how long a failed batch's message stays invisible before the next attempt
 * @param staging the PostgreSQL staging path (download and convert)
 * @param redshift the Redshift staging path (COPY from S3)
 * @param eventTimeColumns per partition-replaced gold model, the {@code timestamptz} column holding
 *     its event time; those models' freshness ({@code c360.loader.freshness}) is measured
 */
@ConfigurationProperties("c360.warehouse-loader")
public record WarehouseLoaderProperties(
    @DefaultValue("c360-lake") String bucket,
    @DefaultValue("c360-gold-ready") String goldReadyQueue,
    @DefaultValue("postgresql") WarehouseFlavour warehouseFlavour,
    @DefaultValue("true") boolean listenerEnabled,
    @DefaultValue("2") int maxConcurrentLoads,
    @DefaultValue("30s") Duration retryDelay,
    @DefaultValue Staging staging,
    @DefaultValue Redshift redshift,
    Map<String, String> eventTimeColumns) {

  public WarehouseLoaderProperties {
    eventTimeColumns = eventTimeColumns == null ? Map.of() : Map.copyOf(eventTimeColumns);
  }

  /**
   * PostgreSQL staging: gold files are downloaded and converted locally.
   *
   * @param workDir where batch files are kept while loading; default the system temporary folder
   * @param duckDbMemoryLimit DuckDB's memory while converting Parquet (it spills beyond it)
   * @param copyIntoPartitions copy partition-replaced batches straight into their emptied
   *     partitions (one write); false stages them and inserts with SQL, as Redshift does
   */
  public record Staging(
      Path workDir,
      @DefaultValue("256MB") DataSize duckDbMemoryLimit,
      @DefaultValue("true") boolean copyIntoPartitions) {

    /** The work folder, defaulting to the system temporary folder. */
    public Path workDirOrDefault() {
      return workDir != null
          ? workDir
          : Path.of(System.getProperty("java.io.tmpdir"), "c360-loader");
    }
  }

  /**
   * Redshift staging: Redshift reads the gold files from S3 itself.
   *
   * @param iamRoleArn the IAM role Redshift assumes for COPY; required with the redshift flavour
   * @param manifestPrefix where COPY manifests are written in the lake bucket
   */
  public record Redshift(
      String iamRoleArn, @DefaultValue("warehouse-load-manifests/") String manifestPrefix) {}
}

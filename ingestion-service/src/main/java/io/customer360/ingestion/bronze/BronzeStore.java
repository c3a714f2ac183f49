package io.customer360.ingestion.bronze;

import io.customer360.common.lake.LakePath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes objects to the lake bucket. A write either succeeds whole or throws {@link
 * BronzeWriteException}; callers checkpoint or acknowledge only after it returned.
 */
public final class BronzeStore {

  private final S3Client s3;
  private final String bucket;
  private final IngestionMetrics metrics;

  public BronzeStore(S3Client s3, String bucket, IngestionMetrics metrics) {
    this.s3 = s3;
    this.bucket = bucket;
    this.metrics = metrics;
  }

  /** The lake bucket. */
  public String bucket() {
    return bucket;
  }

  /** Writes an in-memory object. */
  public void put(
      String dataset,
      LakePath path,
      byte[] body,
      String contentType,
      Map<String, String> metadata) {
    put(dataset, path, RequestBody.fromBytes(body), contentType, metadata);
  }

  /** Writes an object from a local file. */
  public void put(
      String dataset, LakePath path, Path file, String contentType, Map<String, String> metadata) {
    put(dataset, path, RequestBody.fromFile(file), contentType, metadata);
  }

  private void put(
      String dataset,
      LakePath path,
      RequestBody body,
      String contentType,
      Map<String, String> metadata) {
    long started = System.nanoTime();
    try {
      s3.putObject(
          b -> b.bucket(bucket).key(path.key()).contentType(contentType).metadata(metadata), body);
    } catch (SdkException e) {
      throw new BronzeWriteException(
          "Write to s3://" + bucket + "/" + path.key() + " failed: " + e.getMessage(), e);
    }
    metrics.written(dataset, Duration.ofNanos(System.nanoTime() - started));
  }
}

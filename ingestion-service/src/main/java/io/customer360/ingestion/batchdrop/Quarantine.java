package io.customer360.ingestion.batchdrop;

import io.customer360.common.lake.LakePath;
import io.customer360.common.lake.ObjectMetadata;
import io.customer360.common.lake.ObjectNames;
import io.customer360.ingestion.bronze.IngestionMetrics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps unreadable dropped files, whole, under {@code quarantine/<dataset>/ingest_date=…/}, each
 * beside a {@code <name>.reason.json} that says why, where it came from and what it was.
 */
final class Quarantine {

  private static final Logger log = LoggerFactory.getLogger(Quarantine.class);

  private final S3Client s3;
  private final String bucket;
  private final IngestionMetrics metrics;
  private final JsonMapper json = JsonMapper.builder().build();

  Quarantine(S3Client s3, String bucket, IngestionMetrics metrics) {
    this.s3 = s3;
    this.bucket = bucket;
    this.metrics = metrics;
  }

  /** Stores a downloaded file; returns its quarantine key. */
  String store(
      LandingObject object,
      String dataset,
      Path file,
      String sha256,
      Instant receivedAt,
      String reason) {
    LakePath path = path(object, dataset, sha256, receivedAt);
    s3.putObject(
        b -> b.bucket(bucket).key(path.key()).metadata(Map.of(ObjectMetadata.REASON, reason)),
        RequestBody.fromFile(file));
    return finish(object, dataset, path, sha256, receivedAt, reason);
  }

  /** Copies a file without downloading it (unrouted or too large); returns its quarantine key. */
  String copy(LandingObject object, String dataset, Instant receivedAt, String reason) {
    // Not downloaded, so the content hash is unknown; name it by a hash of key and ETag instead.
    LakePath path = path(object, dataset, sha256Of(object.key() + "#" + object.eTag()), receivedAt);
    s3.copyObject(
        b ->
            b.sourceBucket(bucket)
                .sourceKey(object.key())
                .destinationBucket(bucket)
                .destinationKey(path.key()));
    return finish(object, dataset, path, "", receivedAt, reason);
  }

  private String finish(
      LandingObject object,
      String dataset,
      LakePath path,
      String sha256,
      Instant receivedAt,
      String reason) {
    Map<String, Object> why = new LinkedHashMap<>();
    why.put("reason", reason);
    why.put("dataset", dataset);
    why.put("landing_key", object.key());
    why.put("etag", object.eTag());
    why.put("size", object.size());
    why.put("sha256", sha256);
    why.put("received_at", receivedAt.toString());
    s3.putObject(
        b -> b.bucket(bucket).key(path.key() + ".reason.json").contentType("application/json"),
        RequestBody.fromString(json.writeValueAsString(why)));
    metrics.quarantined(dataset, reason);
    log.warn("Dropped file quarantined key={} reason={} to={}", object.key(), reason, path.key());
    return path.key();
  }

  private static String sha256Of(String text) {
    try {
      return ObjectNames.hex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static LakePath path(
      LandingObject object, String dataset, String hash, Instant receivedAt) {
    String name = object.key().substring(object.key().lastIndexOf('/') + 1);
    return LakePath.quarantine(
        dataset,
        receivedAt.atZone(ZoneOffset.UTC).toLocalDate(),
        ObjectNames.batchFile(name, hash));
  }
}

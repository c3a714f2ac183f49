package io.customer360.loader.stage;

import io.customer360.common.gold.ModelContract;
import io.customer360.common.lake.LakePath;
import io.customer360.common.lake.LakeZone;
import io.customer360.common.pipeline.GoldReady;
import io.customer360.loader.failure.LoadFailedException;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;

/** The Parquet objects a gold batch announces, checked against the lake layout. */
final class GoldObjects {

  private final S3Client s3;

  GoldObjects(S3Client s3) {
    this.s3 = s3;
  }

  /**
   * The announced keys, each a {@code .parquet} object under {@code gold/{model}/}.
   *
   * @throws LoadFailedException when a key lies elsewhere
   */
  static List<String> keys(ModelContract model, GoldReady batch) {
    String prefix = LakePath.prefix(LakeZone.GOLD, model.name());
    for (String key : batch.objectKeys()) {
      boolean valid;
      try {
        valid = key.startsWith(prefix) && key.endsWith(".parquet") && LakePath.of(key) != null;
      } catch (IllegalArgumentException e) {
        valid = false;
      }
      if (!valid) {
        throw LoadFailedException.permanent(
            "foreign_object",
            model.name()
                + " batch "
                + batch.batchId()
                + " announces '"
                + key
                + "', not a "
                + prefix
                + "….parquet object");
      }
    }
    return batch.objectKeys();
  }

  /** Downloads an object to a new file. */
  void download(String bucket, String key, Path file) {
    s3.getObject(b -> b.bucket(bucket).key(key), ResponseTransformer.toFile(file));
  }

  /** The size of an object in bytes. */
  long size(String bucket, String key) {
    return s3.headObject(b -> b.bucket(bucket).key(key)).contentLength();
  }
}

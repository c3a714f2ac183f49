package io.customer360.demo.landing;

import io.customer360.common.lake.LakePath;
import io.customer360.common.lake.LakeZone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A local copy of one dataset's silver Parquet files, refreshed by ETag, so each poll downloads
 * only the partitions transform-service rewrote since the last one.
 */
final class SilverCopy {

  private final Lake lake;
  private final String prefix;
  private final Path dir;
  private final Map<String, String> eTags = new HashMap<>();

  SilverCopy(Lake lake, String dataset, Path dir) {
    this.lake = lake;
    this.prefix = LakePath.prefix(LakeZone.SILVER, dataset);
    this.dir = dir;
  }

  /** Brings the copy up to date; returns the local file of each silver key, by key. */
  Map<String, Path> refresh() {
    Map<String, Path> files = new TreeMap<>();
    for (S3Object object : lake.list(prefix)) {
      String key = object.key();
      if (!key.endsWith(".parquet")) {
        continue;
      }
      Path local = dir.resolve(key);
      boolean current = object.eTag().equals(eTags.get(key));
      if (current || lake.download(key, local)) {
        eTags.put(key, object.eTag());
        files.put(key, local);
      }
    }
    eTags.keySet().stream().filter(k -> !files.containsKey(k)).toList().forEach(this::forget);
    return files;
  }

  private void forget(String key) {
    eTags.remove(key);
    try {
      Files.deleteIfExists(dir.resolve(key));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + dir.resolve(key), e);
    }
  }
}

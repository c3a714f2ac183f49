package io.customer360.transform.gold;

import io.customer360.common.lake.LakePath;
import io.customer360.common.lake.LakeZone;
import io.customer360.transform.lake.LakeStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A local copy of the silver datasets the gold models read, kept in step with the lake by listing:
 * new or changed objects (by ETag) are downloaded, removed ones deleted. DuckDB then reads local
 * Parquet; a gold run after a small silver change downloads only what changed. The mirror starts
 * empty: files an earlier process left in {@code root} are not known to match the lake, so they are
 * deleted before the first sync.
 */
final class SilverMirror {

  private final LakeStore lake;
  private final Path root;
  private final Map<String, String> etags = new HashMap<>();
  private boolean cleared;

  SilverMirror(LakeStore lake, Path root) {
    this.lake = lake;
    this.root = root;
  }

  /** The mirror root: files are at {@code root/silver/<dataset>/…}. */
  Path root() {
    return root;
  }

  /** Brings the mirror of these datasets up to date; returns how many objects were downloaded. */
  synchronized int sync(Collection<String> datasets) {
    if (!cleared) {
      deleteTree(root);
      cleared = true;
    }
    int downloaded = 0;
    for (String dataset : datasets) {
      String prefix = LakePath.prefix(LakeZone.SILVER, dataset);
      // Only finished Parquet files: some stores list in-progress uploads under temporary names.
      Map<String, String> remote = new java.util.TreeMap<>(lake.listWithETags(prefix));
      remote.keySet().removeIf(key -> !key.endsWith(".parquet"));
      for (Map.Entry<String, String> object : remote.entrySet()) {
        if (object.getValue() == null || !object.getValue().equals(etags.get(object.getKey()))) {
          lake.download(object.getKey(), root.resolve(object.getKey()));
          etags.put(object.getKey(), object.getValue());
          downloaded++;
        }
      }
      etags
          .keySet()
          .removeIf(key -> key.startsWith(prefix) && !remote.containsKey(key) && delete(key));
    }
    return downloaded;
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clear the silver mirror " + dir, e);
    }
  }

  private boolean delete(String key) {
    try {
      Files.deleteIfExists(root.resolve(key));
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete mirrored " + key, e);
    }
  }
}

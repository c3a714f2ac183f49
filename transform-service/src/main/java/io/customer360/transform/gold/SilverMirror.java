package io.customer360.transform.gold;

import io.customer360.common.lake.LakePath;
import io.customer360.common.lake.LakeZone;
import io.customer360.transform.lake.LakeStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A local copy of the silver datasets the gold models read, kept in step with the lake by listing:
 * new or changed objects (by ETag) are downloaded, removed ones deleted. DuckDB then reads local
 * Parquet; a gold run after a small silver change downloads only what changed, and learns which
 * datasets changed, so it rebuilds only the models they affect. The mirror starts empty: files an
 * earlier process left in {@code root} are not known to match the lake, so they are deleted before
 * the first sync.
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

  /**
   * What one sync changed.
   *
   * @param downloaded objects downloaded (new or changed)
   * @param deleted objects deleted because the lake no longer has them
   * @param changedDatasets datasets with at least one download or deletion, sorted
   */
  record Sync(int downloaded, int deleted, Set<String> changedDatasets) {
    Sync {
      changedDatasets = Collections.unmodifiableSet(new TreeSet<>(changedDatasets));
    }
  }

  /**
   * Brings the mirror of these datasets up to date and reports what changed. The first sync starts
   * from an empty mirror, so it reports every dataset that has files.
   */
  synchronized Sync sync(Collection<String> datasets) {
    if (!cleared) {
      deleteTree(root);
      cleared = true;
    }
    int downloaded = 0;
    int deleted = 0;
    Set<String> changed = new TreeSet<>();
    for (String dataset : datasets) {
      String prefix = LakePath.prefix(LakeZone.SILVER, dataset);
      // Only finished Parquet files: some stores list in-progress uploads under temporary names.
      Map<String, String> remote = new TreeMap<>(lake.listWithETags(prefix));
      remote.keySet().removeIf(key -> !key.endsWith(".parquet"));
      for (Map.Entry<String, String> object : remote.entrySet()) {
        if (object.getValue() == null || !object.getValue().equals(etags.get(object.getKey()))) {
          lake.download(object.getKey(), root.resolve(object.getKey()));
          etags.put(object.getKey(), object.getValue());
          downloaded++;
          changed.add(dataset);
        }
      }
      List<String> gone =
          etags.keySet().stream()
              .filter(key -> key.startsWith(prefix) && !remote.containsKey(key))
              .toList();
      for (String key : gone) {
        delete(key);
        etags.remove(key);
        deleted++;
        changed.add(dataset);
      }
    }
    return new Sync(downloaded, deleted, changed);
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

  private void delete(String key) {
    try {
      Files.deleteIfExists(root.resolve(key));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete mirrored " + key, e);
    }
  }
}

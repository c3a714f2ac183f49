package io.customer360.transform.gold;

import io.customer360.common.lake.LakePath;
import io.customer360.common.lake.LakeZone;
import io.customer360.common.lake.ObjectNames;
import io.customer360.transform.gold.model.GoldBuild;
import io.customer360.transform.gold.model.GoldModel;
import io.customer360.transform.lake.LakeStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes one built gold model: compares each partition's content hash with the model's manifest
 * ({@code gold/<model>/_manifest.json}), uploads only the partitions whose content changed, deletes
 * the objects of partitions left without rows, then rewrites the manifest. So a late event rewrites
 * only its own partitions, and a rebuild from unchanged silver writes nothing.
 *
 * <p>What it publishes is announced as one batch that lists every changed partition, emptied ones
 * included, and the objects of those still holding rows: the warehouse replaces each listed
 * partition by exactly the rows of the listed objects under it, so an emptied partition, with no
 * object, is emptied there too. An unpartitioned model always has its one partition ({@link
 * GoldBuild#partitionHashes}), written as an empty file when the model has no rows.
 */
final class GoldPublisher {

  private static final String PARQUET = "application/vnd.apache.parquet";
  private static final TypeReference<Map<String, String>> HASHES = new TypeReference<>() {};

  private final LakeStore lake;
  private final JsonMapper json = JsonMapper.builder().build();

  GoldPublisher(LakeStore lake) {
    this.lake = lake;
  }

  /**
   * What publishing a model changed.
   *
   * @param batchId deterministic id of this change: the model and its changed partitions' hashes
   * @param partitions partition folders written or emptied ({@code order_date=2026-01-03}, or
   *     {@code ""}), sorted
   * @param objectKeys the objects written: one per partition still holding rows
   * @param rows rows in those objects
   */
  record Published(
      String model, String batchId, List<String> partitions, List<String> objectKeys, long rows) {}

  Optional<Published> publish(Connection duckdb, GoldBuild build, GoldModel model, Path workDir) {
    Map<String, String> current = build.partitionHashes(model.name());
    Map<String, String> previous = manifest(model.name());
    List<String> changed = new ArrayList<>();
    current.forEach(
        (partition, hash) -> {
          if (!hash.equals(previous.get(partition))) {
            changed.add(partition);
          }
        });
    List<String> removed =
        previous.keySet().stream().filter(p -> !current.containsKey(p)).sorted().toList();
    if (changed.isEmpty() && removed.isEmpty()) {
      return Optional.empty();
    }
    changed.sort(null);
    build.writePartitions(model.name(), changed, workDir);
    List<String> keys = new ArrayList<>();
    for (String partition : changed) {
      String key = key(model, partition);
      lake.upload(workDir.resolve(key), key, PARQUET);
      keys.add(key);
    }
    lake.delete(removed.stream().map(p -> key(model, p)).toList());
    lake.upload(
        json.writeValueAsBytes(new TreeMap<>(current)),
        manifestKey(model.name()),
        "application/json");
    StringBuilder id = new StringBuilder(model.name());
    changed.forEach(p -> id.append('|').append(p).append('=').append(current.get(p)));
    removed.forEach(p -> id.append("|-").append(p));
    return Optional.of(
        new Published(
            model.name(),
            sha256(id.toString()),
            new TreeSet<>(concat(changed, removed)).stream().map(p -> folder(model, p)).toList(),
            keys,
            rows(duckdb, model, changed)));
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static long rows(Connection duckdb, GoldModel model, List<String> partitions) {
    if (partitions.isEmpty()) {
      // Only emptied partitions: no object, no rows (and "IN ()" is not SQL).
      return 0;
    }
    String where =
        model
            .partitionedBy()
            .map(
                column ->
                    " WHERE CAST("
                        + column
                        + " AS VARCHAR) IN ("
                        + String.join(
                            ", ",
                            partitions.stream().map(p -> "'" + p.replace("'", "''") + "'").toList())
                        + ")")
            .orElse("");
    try (Statement st = duckdb.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + model.name() + "\"" + where)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot count rows of gold model " + model.name(), e);
    }
  }

  private Map<String, String> manifest(String model) {
    return lake.readText(manifestKey(model))
        .map(text -> json.readValue(text, HASHES))
        .orElse(Map.of());
  }

  static String manifestKey(String model) {
    return LakePath.prefix(LakeZone.GOLD, model) + "_manifest.json";
  }

  private static String folder(GoldModel model, String partition) {
    return model.partitionedBy().map(column -> column + "=" + partition).orElse("");
  }

  private static String key(GoldModel model, String partition) {
    String folder = folder(model, partition);
    return LakePath.prefix(LakeZone.GOLD, model.name())
        + (folder.isEmpty() ? "" : folder + "/")
        + "part-0.parquet";
  }

  private static String sha256(String text) {
    try {
      return ObjectNames.hex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}

package io.customer360.loader.warehouse;

import io.customer360.common.gold.ColumnMerge;
import io.customer360.common.gold.LoadMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Upserts by a key with {@code MERGE}. With a version column, a batch row replaces the target row
 * only if it is at least as new, so batches may arrive in any order; within the batch the newest
 * version of each key wins. Redshift's {@code MERGE} takes a table as its source, not a query, so
 * the rows to merge go to a temporary table first.
 *
 * @param table the target table
 * @param key the merge key (the target's primary key)
 * @param versionColumn the column ordering versions of a key, or {@code null} when rows are not
 *     versioned
 * @param rules how each non-key column combines target and batch values; unlisted columns are
 *     overwritten
 */
public record MergeByKey(
    String table, List<String> key, String versionColumn, Map<String, ColumnMerge> rules)
    implements LoadPlan {

  public MergeByKey {
    key = List.copyOf(key);
    rules = Map.copyOf(rules);
  }

  @Override
  public LoadMode mode() {
    return LoadMode.MERGE;
  }

  @Override
  public List<Sql> statements(LoadContext context) {
    String source = "merge_" + context.model().name();
    List<String> columns = context.model().columnNames();
    return List.of(
        Sql.of("DROP TABLE IF EXISTS " + source),
        Sql.of(context.flavour().createTempTableAs(source, sourceQuery(context, columns))),
        Sql.of(merge(source, columns), context.batchId(), context.batchId()),
        Sql.of("DROP TABLE " + source));
  }

  private String sourceQuery(LoadContext context, List<String> columns) {
    String list = String.join(", ", columns);
    if (versionColumn == null) {
      return "SELECT " + list + " FROM " + context.stageTable();
    }
    String keys = String.join(", ", key);
    String newerInTarget =
        key.stream().map(k -> "t." + k + " = d." + k).collect(Collectors.joining(" AND "))
            + " AND t."
            + versionColumn
            + " > d."
            + versionColumn;
    return "SELECT "
        + list
        + " FROM (SELECT "
        + list
        + ", ROW_NUMBER() OVER (PARTITION BY "
        + keys
        + " ORDER BY "
        + versionColumn
        + " DESC) AS version_rank FROM "
        + context.stageTable()
        + ") d WHERE version_rank = 1 AND NOT EXISTS (SELECT 1 FROM "
        + table
        + " t WHERE "
        + newerInTarget
        + ")";
  }

  private String merge(String source, List<String> columns) {
    String target = unqualifiedTable();
    String on =
        key.stream().map(k -> target + "." + k + " = s." + k).collect(Collectors.joining(" AND "));
    List<String> updates = new ArrayList<>();
    for (String column : columns) {
      if (!key.contains(column)) {
        updates.add(column + " = " + combine(target, column));
      }
    }
    updates.add("load_batch_id = " + SqlLiterals.BATCH_ID);
    return "MERGE INTO "
        + table
        + " USING "
        + source
        + " s ON "
        + on
        + " WHEN MATCHED THEN UPDATE SET "
        + String.join(", ", updates)
        + " WHEN NOT MATCHED THEN INSERT ("
        + String.join(", ", columns)
        + ", load_batch_id) VALUES ("
        + columns.stream().map(c -> "s." + c).collect(Collectors.joining(", "))
        + ", "
        + SqlLiterals.BATCH_ID
        + ")";
  }

  private String combine(String target, String column) {
    String t = target + "." + column;
    String s = "s." + column;
    return switch (rules.getOrDefault(column, ColumnMerge.OVERWRITE)) {
      case OVERWRITE -> s;
      case KEEP_KNOWN -> "COALESCE(" + s + ", " + t + ")";
      case EARLIEST -> "LEAST(" + t + ", " + s + ")";
      case LATEST -> "GREATEST(" + t + ", " + s + ")";
    };
  }
}

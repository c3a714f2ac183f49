package io.customer360.transform.silver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Merges table {@code batch} into the silver partitions it touches. The partitions' current files
 * (downloaded under {@code existingDir} in the lake's {@code event_date=…/event_hour=…} layout) and
 * the batch are de-duplicated by the contract key, the winner chosen by {@link
 * SilverSql#winnerOrder()}. Only partitions where a batch row won are rewritten, so re-processing a
 * bronze object writes nothing. Each rewritten partition becomes one ZSTD Parquet file (several
 * above {@code maxFileBytes}) under {@code outDir}.
 */
final class PartitionMerger {

  private final Connection duckdb;
  private final SilverSql sql;

  PartitionMerger(Connection duckdb, SilverSql sql) {
    this.duckdb = duckdb;
    this.sql = sql;
  }

  /** Distinct partitions of the batch, as lake folder paths ({@code event_date=…/event_hour=…}). */
  List<String> touchedPartitions() throws SQLException {
    return partitions("SELECT DISTINCT " + partitionPath() + " FROM batch ORDER BY 1");
  }

  /**
   * Merges and writes the changed partitions; returns their folder paths. With no existing files
   * every touched partition changes: the losing copies are found on the key and order columns
   * alone, and the batch's wide rows are read once, to be written.
   */
  List<String> merge(Path existingDir, Path outDir, long maxFileBytes) throws SQLException {
    String partitionCols = String.join(", ", sql.partitionColumns());
    String batch = "SELECT *, true AS _from_batch FROM batch";
    String ranked =
        "row_number() OVER (PARTITION BY "
            + partitionCols
            + ", "
            + String.join(", ", sql.dedupColumns())
            + " ORDER BY "
            + sql.winnerOrder()
            + ")";
    try (Statement st = duckdb.createStatement()) {
      List<String> changed;
      String rows;
      if (hasParquet(existingDir)) {
        st.execute(
            "CREATE OR REPLACE TEMP TABLE merged AS SELECT * FROM (SELECT *, false AS _from_batch"
                + " FROM read_parquet("
                + SilverSql.literal(existingDir + "/**/*.parquet")
                + ", hive_partitioning = true, hive_types_autocast = false, union_by_name = true)"
                + " UNION ALL BY NAME "
                + batch
                + ") QUALIFY "
                + ranked
                + " = 1");
        changed =
            partitions(
                "SELECT DISTINCT " + partitionPath() + " FROM merged WHERE _from_batch ORDER BY 1");
        rows = "merged WHERE " + partitionPath() + " IN " + SilverSql.list(changed);
      } else {
        changed = touchedPartitions();
        String row = SilverSql.ROW;
        rows =
            "("
                + batch
                + ") b ANTI JOIN (SELECT "
                + row
                + " FROM ("
                + batch
                + ") d SEMI JOIN ("
                + repeatedKeys()
                + ") k ON "
                + sql.dedupColumns().stream()
                    .map(c -> "d." + c + " IS NOT DISTINCT FROM k." + c)
                    .collect(Collectors.joining(" AND "))
                + " QUALIFY "
                + ranked
                + " > 1) losers ON b."
                + row
                + " = losers."
                + row;
      }
      if (!changed.isEmpty()) {
        st.execute(
            "COPY (SELECT * EXCLUDE (_from_batch, "
                + SilverSql.ROW
                + ") FROM "
                + rows
                + ") TO "
                + SilverSql.literal(outDir.toString())
                + " ("
                + SilverSql.PARQUET_OPTIONS
                + ", PARTITION_BY ("
                + partitionCols
                + "), FILENAME_PATTERN 'part-{i}', FILE_SIZE_BYTES "
                + maxFileBytes
                + ", OVERWRITE_OR_IGNORE true)");
      }
      return changed;
    }
  }

  /**
   * Keys held by more than one batch row. Only their rows are ranked: a hash aggregate over the key
   * costs half of a window over every row, and duplicates are few.
   */
  private String repeatedKeys() {
    String keys = String.join(", ", sql.dedupColumns());
    return "SELECT " + keys + " FROM batch GROUP BY " + keys + " HAVING count(*) > 1";
  }

  private String partitionPath() {
    return sql.partitionColumns().stream()
        .map(c -> "'" + c + "=' || " + c)
        .reduce((a, b) -> a + " || '/' || " + b)
        .orElseThrow();
  }

  private List<String> partitions(String query) throws SQLException {
    List<String> result = new ArrayList<>();
    try (Statement st = duckdb.createStatement();
        ResultSet rs = st.executeQuery(query)) {
      while (rs.next()) {
        result.add(rs.getString(1));
      }
    }
    return result;
  }

  private static boolean hasParquet(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.anyMatch(p -> p.toString().endsWith(".parquet"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }
}

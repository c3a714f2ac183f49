package io.customer360.transform.gold.model;

import io.customer360.common.contract.ContractRegistry;
import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.FieldSpec;
import io.customer360.common.contract.FieldType;
import io.customer360.common.contract.PartitionGranularity;
import io.customer360.transform.silver.DerivedColumn;
import io.customer360.transform.silver.SilverNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Creates the views gold models read: {@code silver_<dataset>} over every Parquet file under {@code
 * <silverRoot>/silver/<dataset>/} (Hive partitioning, partition columns {@code event_date} and
 * {@code event_hour} kept as text, files unioned by column name). Every view carries at least the
 * columns the dataset's contract gives silver, typed as silver types them, so a model runs even
 * when a dataset has no file yet (the view is then empty) or an older file lacks a column.
 */
public final class SilverViews {

  private static final ContractRegistry CONTRACTS = ContractRegistry.loadDefault();

  private SilverViews() {}

  /**
   * Creates or replaces the views of these datasets. Call again after files are added under a
   * dataset that had none.
   *
   * @throws IllegalArgumentException for a dataset without a contract
   */
  public static void create(Connection duckdb, Path silverRoot, Collection<String> datasets) {
    for (String dataset : datasets) {
      DatasetContract contract =
          CONTRACTS
              .find(dataset)
              .orElseThrow(
                  () -> new IllegalArgumentException("No silver dataset '" + dataset + "'"));
      Path folder = silverRoot.resolve("silver").resolve(dataset);
      String sql = "CREATE OR REPLACE VIEW silver_" + dataset + " AS " + typedEmpty(contract);
      if (hasParquet(folder)) {
        sql +=
            " UNION ALL BY NAME SELECT * FROM read_parquet("
                + Sql.literal(folder.toAbsolutePath() + "/**/*.parquet")
                + ", hive_partitioning = true, hive_types_autocast = false, union_by_name = true)";
      }
      try (Statement st = duckdb.createStatement()) {
        st.execute(sql);
      } catch (SQLException e) {
        throw new GoldBuildException(
            "Cannot create view silver_" + dataset + " over " + folder + ": " + e.getMessage(), e);
      }
    }
  }

  /** A relation with no rows and the dataset's silver columns and types. */
  static String typedEmpty(DatasetContract contract) {
    List<String> columns = new ArrayList<>();
    columns.add(typedNull(DatasetContract.RECORD_KEY, "VARCHAR"));
    columns.add(typedNull(DatasetContract.SOURCE_OBJECT, "VARCHAR"));
    columns.add(typedNull(DatasetContract.INGESTED_AT, "TIMESTAMP"));
    for (FieldSpec field : contract.fields()) {
      SilverNames.column(field)
          .ifPresent(
              name ->
                  columns.add(
                      typedNull(name, name.equals(field.name()) ? duckDbType(field) : "VARCHAR")));
    }
    for (DerivedColumn derived : SilverNames.derivedColumns(contract.name())) {
      columns.add(typedNull(derived.name(), duckDbType(derived.type())));
    }
    columns.add(typedNull("event_date", "VARCHAR"));
    if (contract.partitioning() == PartitionGranularity.HOUR) {
      columns.add(typedNull("event_hour", "VARCHAR"));
    }
    return "SELECT " + String.join(", ", columns) + " WHERE false";
  }

  private static String typedNull(String column, String type) {
    return "CAST(NULL AS " + type + ") AS " + Sql.quote(column);
  }

  /** The DuckDB type silver stores a field as. */
  static String duckDbType(FieldSpec field) {
    return duckDbType(field.type());
  }

  private static String duckDbType(FieldType type) {
    return switch (type) {
      case STRING -> "VARCHAR";
      case INTEGER -> "INTEGER";
      case LONG -> "BIGINT";
      case DECIMAL -> "DECIMAL(18,4)";
      case DOUBLE -> "DOUBLE";
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
      case TIMESTAMP -> "TIMESTAMP";
    };
  }

  private static boolean hasParquet(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list silver files under " + folder, e);
    }
  }
}

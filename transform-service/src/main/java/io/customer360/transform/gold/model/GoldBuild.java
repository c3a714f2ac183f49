package io.customer360.transform.gold.model;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds gold models in one DuckDB session that already has the silver views ({@link SilverViews}):
 * each model becomes a table of its name, in dependency order, then its columns and types are
 * compared with the contract. {@link #test()} runs the data tests, {@link #partitionHashes} tells
 * which partitions a rebuild changed and {@link #writePartitions} writes them as Parquet for the
 * warehouse.
 *
 * <p>Model parameters ({@code parameters:} in a model file, read in SQL with {@code getvariable})
 * take their declared default unless {@link #setParameter} or the session set them first.
 */
public final class GoldBuild {

  private static final Logger log = LoggerFactory.getLogger(GoldBuild.class);

  private final Connection duckdb;
  private final GoldModels models;
  private final Map<String, DataTestFailure> schemaFailures = new LinkedHashMap<>();

  public GoldBuild(Connection duckdb, GoldModels models) {
    this.duckdb = duckdb;
    this.models = models;
  }

  /** Sets a model parameter for this session, e.g. {@code churn_horizon_days}. */
  public void setParameter(String name, long value) {
    boolean declared = models.inOrder().stream().anyMatch(m -> m.parameters().containsKey(name));
    if (!declared) {
      throw new IllegalArgumentException("No gold model declares parameter '" + name + "'");
    }
    execute("SET VARIABLE " + Sql.quote(name) + " = " + value, "set parameter " + name);
  }

  /** Builds every model, in dependency order. */
  public void run() {
    run(models.names());
  }

  /**
   * Builds these models, in dependency order; the tables of their other inputs must exist from an
   * earlier build in this session or database file (e.g. {@code
   * run(models.affectedBy("returns"))}).
   *
   * @throws GoldBuildException when a model's SQL fails
   */
  public void run(Collection<String> names) {
    Set<String> wanted = Set.copyOf(names);
    names.forEach(models::get);
    execute("SET TimeZone = 'UTC'", "set the time zone");
    for (GoldModel model : models.inOrder()) {
      if (wanted.contains(model.name())) {
        build(model);
      }
    }
  }

  private void build(GoldModel model) {
    long start = System.nanoTime();
    model
        .parameters()
        .forEach(
            (name, value) ->
                execute(
                    "SET VARIABLE "
                        + Sql.quote(name)
                        + " = coalesce(getvariable("
                        + Sql.literal(name)
                        + "), "
                        + value
                        + ")",
                    "set parameter " + name + " of " + model.name()));
    execute(
        "CREATE OR REPLACE TABLE " + Sql.quote(model.name()) + " AS " + model.sql(),
        "build " + model.name());
    schemaFailures.remove(model.name());
    checkSchema(model);
    log.debug(
        "Gold model built model={} millis={}",
        model.name(),
        (System.nanoTime() - start) / 1_000_000);
  }

  private void checkSchema(GoldModel model) {
    List<String> actual = new ArrayList<>();
    try (Statement st = duckdb.createStatement();
        ResultSet rs = st.executeQuery("DESCRIBE " + Sql.quote(model.name()))) {
      while (rs.next()) {
        actual.add(rs.getString("column_name") + " " + rs.getString("column_type"));
      }
    } catch (SQLException e) {
      throw new GoldBuildException("Cannot describe " + model.name() + ": " + e.getMessage(), e);
    }
    List<String> expected =
        model.columns().stream().map(c -> c.name() + " " + c.type().duckDbType()).toList();
    if (!actual.equals(expected)) {
      schemaFailures.put(
          model.name(),
          new DataTestFailure(
              model.name(), "schema", "columns " + actual + " but the contract says " + expected));
    }
  }

  /**
   * Runs every data test of every built model (and reports contract mismatches found by the build);
   * empty when all pass.
   */
  public List<DataTestFailure> test() {
    return test(models.names());
  }

  /** Runs the data tests of these models only, e.g. of those a partial {@link #run} rebuilt. */
  public List<DataTestFailure> test(Collection<String> names) {
    Set<String> wanted = Set.copyOf(names);
    names.forEach(models::get);
    List<DataTestFailure> failures = new ArrayList<>();
    DataTests tests = new DataTests(duckdb);
    for (GoldModel model : models.inOrder()) {
      if (wanted.contains(model.name())) {
        if (schemaFailures.containsKey(model.name())) {
          failures.add(schemaFailures.get(model.name()));
        }
        failures.addAll(tests.run(model));
      }
    }
    return failures;
  }

  /**
   * Partition value ({@code yyyy-MM-dd}, or {@code ""} when unpartitioned) → content hash of its
   * rows, independent of row order. Compare with the hashes of the previous build to find the
   * partitions to rewrite; a partition missing now has lost all its rows. An unpartitioned model
   * always has its partition {@code ""}, even without rows.
   */
  public Map<String, String> partitionHashes(String model) {
    return new GoldPartitions(duckdb).hashes(models.get(model));
  }

  /**
   * Writes partitions as ZSTD Parquet under {@code outDir/gold/<model>/<partitionedBy>=<value>/
   * part-0.parquet} (unpartitioned: {@code outDir/gold/<model>/part-0.parquet}), columns in
   * contract order with the partition column included.
   */
  public void writePartitions(String model, Collection<String> partitions, Path outDir) {
    new GoldPartitions(duckdb).write(models.get(model), partitions, outDir);
  }

  private void execute(String sql, String what) {
    try (Statement st = duckdb.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new GoldBuildException("Cannot " + what + ": " + e.getMessage(), e);
    }
  }
}

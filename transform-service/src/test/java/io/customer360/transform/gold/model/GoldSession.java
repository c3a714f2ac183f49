package io.customer360.transform.gold.model;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: a DuckDB session over a silver folder, queries as plain values. */
final class GoldSession {

  static final GoldModels MODELS = GoldModels.load();

  /**
   * The churn horizon the tests use: datagen's for a 14-day run, so snapshots in the first ten days
   * get labels (the production default, 30 days, would leave every label of a 14-day run null).
   */
  static final int HORIZON_DAYS = 4;

  private static Connection clean;
  private static GoldBuild cleanBuild;

  private GoldSession() {}

  /** One session per JVM with every model built on the shared datagen lake; do not alter it. */
  static synchronized Connection clean() {
    if (clean == null) {
      clean = open();
      cleanBuild = build(clean, DatagenSilver.shared().root());
    }
    return clean;
  }

  /** The build of {@link #clean()}. */
  static synchronized GoldBuild cleanBuild() {
    clean();
    return cleanBuild;
  }

  /** A new in-memory DuckDB session in UTC. */
  static Connection open() {
    try {
      Connection connection = DriverManager.getConnection("jdbc:duckdb:");
      execute(connection, "SET threads = 2");
      execute(connection, "SET TimeZone = 'UTC'");
      return connection;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Silver views over {@code silverRoot} and every model built. */
  static GoldBuild build(Connection duckdb, Path silverRoot) {
    SilverViews.create(duckdb, silverRoot, MODELS.silverDatasets());
    GoldBuild build = new GoldBuild(duckdb, MODELS);
    build.setParameter("churn_horizon_days", HORIZON_DAYS);
    build.run();
    return build;
  }

  static void execute(Connection duckdb, String sql) {
    try (Statement st = duckdb.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage() + "\n" + sql, e);
    }
  }

  /** Rows as lists of text values (SQL NULL as null). */
  static List<List<String>> rows(Connection duckdb, String sql) {
    List<List<String>> rows = new ArrayList<>();
    try (Statement st = duckdb.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage() + "\n" + sql, e);
    }
    return rows;
  }

  /** The single value of a query, as text. */
  static String value(Connection duckdb, String sql) {
    return rows(duckdb, sql).get(0).get(0);
  }

  static long count(Connection duckdb, String sql) {
    return Long.parseLong(value(duckdb, sql));
  }
}

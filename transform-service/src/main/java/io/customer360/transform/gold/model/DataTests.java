package io.customer360.transform.gold.model;

import io.customer360.common.gold.GoldColumn;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a model's data tests against its table as SQL and describes each failure with a count and up
 * to five examples. Besides the declared tests, every {@code varchar(n)} column is checked to fit n
 * bytes, since the warehouse rejects longer values.
 */
final class DataTests {

  private static final int EXAMPLES = 5;

  private final Connection duckdb;

  DataTests(Connection duckdb) {
    this.duckdb = duckdb;
  }

  List<DataTestFailure> run(GoldModel model) {
    List<DataTestFailure> failures = new ArrayList<>();
    String table = Sql.quote(model.name());
    for (List<String> columns : model.tests().unique()) {
      unique(model, table, columns, failures);
    }
    for (String column : model.tests().notNull()) {
      long n = count("SELECT count(*) FROM " + table + " WHERE " + Sql.quote(column) + " IS NULL");
      if (n > 0) {
        failures.add(failure(model, "not_null(" + column + ")", n + " rows with null " + column));
      }
    }
    for (Map.Entry<String, List<String>> accepted : model.tests().acceptedValues().entrySet()) {
      acceptedValues(model, table, accepted.getKey(), accepted.getValue(), failures);
    }
    for (ModelTests.Relationship r : model.tests().relationships()) {
      relationship(model, table, r, failures);
    }
    for (ModelTests.Reconciliation r : model.tests().reconcile()) {
      reconcile(model, r, failures);
    }
    for (GoldColumn column : model.columns()) {
      if (column.maxLength() > 0) {
        maxLength(model, table, column, failures);
      }
    }
    return failures;
  }

  private void unique(
      GoldModel model, String table, List<String> columns, List<DataTestFailure> failures) {
    String cols = Sql.columns(columns);
    String repeated =
        "SELECT " + cols + ", count(*) AS n FROM " + table + " GROUP BY ALL HAVING count(*) > 1";
    long n = count("SELECT count(*) FROM (" + repeated + ")");
    if (n > 0) {
      String examples =
          examples(
              "SELECT concat_ws(', ', "
                  + cols
                  + ") || ' ×' || n FROM ("
                  + repeated
                  + ") ORDER BY n DESC, 1");
      failures.add(
          failure(
              model,
              "unique(" + String.join(", ", columns) + ")",
              n + " values repeat, e.g. " + examples));
    }
  }

  private void acceptedValues(
      GoldModel model,
      String table,
      String column,
      List<String> values,
      List<DataTestFailure> failures) {
    String where =
        " WHERE "
            + Sql.quote(column)
            + " IS NOT NULL AND CAST("
            + Sql.quote(column)
            + " AS VARCHAR) NOT IN ("
            + Sql.literals(values)
            + ")";
    long n = count("SELECT count(*) FROM " + table + where);
    if (n > 0) {
      String examples =
          examples(
              "SELECT CAST("
                  + Sql.quote(column)
                  + " AS VARCHAR) || ' ×' || count(*) FROM "
                  + table
                  + where
                  + " GROUP BY "
                  + Sql.quote(column)
                  + " ORDER BY count(*) DESC, 1");
      failures.add(
          failure(
              model,
              "accepted_values(" + column + ")",
              n + " rows outside " + values + ", e.g. " + examples));
    }
  }

  private void relationship(
      GoldModel model, String table, ModelTests.Relationship r, List<DataTestFailure> failures) {
    String orphans =
        "SELECT DISTINCT CAST(m."
            + Sql.quote(r.column())
            + " AS VARCHAR) AS v FROM "
            + table
            + " m WHERE m."
            + Sql.quote(r.column())
            + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
            + Sql.quote(r.relation())
            + " t WHERE t."
            + Sql.quote(r.field())
            + " = m."
            + Sql.quote(r.column())
            + ")";
    long n = count("SELECT count(*) FROM (" + orphans + ")");
    if (n > 0) {
      failures.add(
          failure(
              model,
              "relationships(" + r.column() + " -> " + r.to() + "." + r.field() + ")",
              n + " values without a match, e.g. " + examples(orphans + " ORDER BY 1")));
    }
  }

  private void reconcile(
      GoldModel model, ModelTests.Reconciliation r, List<DataTestFailure> failures) {
    String sql =
        "SELECT CAST(a AS VARCHAR), CAST(e AS VARCHAR), a IS NOT DISTINCT FROM e FROM (SELECT ("
            + r.actual()
            + ") AS a, ("
            + r.expected()
            + ") AS e)";
    try (Statement st = duckdb.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      if (!rs.getBoolean(3)) {
        failures.add(
            failure(
                model,
                "reconcile(" + r.name() + ")",
                "actual " + rs.getString(1) + " but expected " + rs.getString(2)));
      }
    } catch (SQLException e) {
      throw new GoldBuildException(
          "Reconciliation " + r.name() + " of " + model.name() + " failed: " + e.getMessage(), e);
    }
  }

  private void maxLength(
      GoldModel model, String table, GoldColumn column, List<DataTestFailure> failures) {
    String where = " WHERE strlen(" + Sql.quote(column.name()) + ") > " + column.maxLength();
    long n = count("SELECT count(*) FROM " + table + where);
    if (n > 0) {
      String examples =
          examples(
              "SELECT left("
                  + Sql.quote(column.name())
                  + ", 40) || '… (' || strlen("
                  + Sql.quote(column.name())
                  + ") || ' bytes)' FROM "
                  + table
                  + where
                  + " ORDER BY strlen("
                  + Sql.quote(column.name())
                  + ") DESC");
      failures.add(
          failure(
              model,
              "max_length(" + column.name() + " <= " + column.maxLength() + ")",
              n + " values too long, e.g. " + examples));
    }
  }

  private long count(String sql) {
    try (Statement st = duckdb.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new GoldBuildException("Data test query failed: " + e.getMessage() + "\n" + sql, e);
    }
  }

  private String examples(String sql) {
    List<String> examples = new ArrayList<>();
    try (Statement st = duckdb.createStatement();
        ResultSet rs = st.executeQuery(sql + " LIMIT " + EXAMPLES)) {
      while (rs.next()) {
        examples.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new GoldBuildException("Data test query failed: " + e.getMessage() + "\n" + sql, e);
    }
    return examples.toString();
  }

  private static DataTestFailure failure(GoldModel model, String test, String detail) {
    return new DataTestFailure(model.name(), test, detail);
  }
}

package io.customer360.loader.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One SQL statement with its parameters.
 *
 * @param text the statement, with {@code ?} for each parameter
 * @param parameters the parameter values, in order
 */
public record Sql(String text, List<Object> parameters) {

  public Sql {
    parameters = List.copyOf(parameters);
  }

  /** A statement with these parameters. */
  public static Sql of(String text, Object... parameters) {
    return new Sql(text, Arrays.asList(parameters));
  }

  /**
   * Runs the statement and returns the rows it changed (0 for DDL and queries).
   *
   * @throws WarehouseSqlException when it fails
   */
  public long execute(Connection connection) {
    try (PreparedStatement statement = prepare(connection)) {
      return statement.execute() ? 0 : statement.getLargeUpdateCount();
    } catch (SQLException e) {
      throw WarehouseSqlException.statement(text, e);
    }
  }

  /**
   * Runs a query whose first column of the first row is a number, such as a count.
   *
   * @throws WarehouseSqlException when it fails or returns no row
   */
  public long queryForLong(Connection connection) {
    try (PreparedStatement statement = prepare(connection);
        ResultSet rows = statement.executeQuery()) {
      if (!rows.next()) {
        throw new SQLException("Query returned no row");
      }
      return rows.getLong(1);
    } catch (SQLException e) {
      throw WarehouseSqlException.statement(text, e);
    }
  }

  /**
   * Runs a query whose first column of the first row is a timestamp, such as a {@code max(…)};
   * empty when it is null.
   *
   * @throws WarehouseSqlException when it fails or returns no row
   */
  public Optional<Instant> queryForInstant(Connection connection) {
    try (PreparedStatement statement = prepare(connection);
        ResultSet rows = statement.executeQuery()) {
      if (!rows.next()) {
        throw new SQLException("Query returned no row");
      }
      Timestamp value = rows.getTimestamp(1);
      return value == null ? Optional.empty() : Optional.of(value.toInstant());
    } catch (SQLException e) {
      throw WarehouseSqlException.statement(text, e);
    }
  }

  private PreparedStatement prepare(Connection connection) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(text);
    try {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }
}

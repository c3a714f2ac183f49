package io.customer360.loader.testing;

import io.customer360.infra.local.LocalEndpoints;
import io.customer360.loader.warehouse.WarehouseFlavour;
import io.customer360.loader.warehouse.WarehouseSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh warehouse database on the local platform's PostgreSQL, one per test class, so classes
 * never see each other's rows. Roles are server-wide and shared; the migrations create them only
 * when missing.
 */
public final class TestWarehouse {

  private final String url;
  private final String user;

  private TestWarehouse(String url, String user) {
    this.url = url;
    this.user = user;
  }

  /** Creates an empty database. */
  public static TestWarehouse create(LocalEndpoints endpoints) {
    String name = "wh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin =
            DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.jdbcUser(), "");
        Statement sql = admin.createStatement()) {
      sql.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name, e);
    }
    String base = endpoints.jdbcUrl();
    String url = base.substring(0, base.lastIndexOf('/') + 1) + name;
    return new TestWarehouse(url, endpoints.jdbcUser());
  }

  /** Creates an empty database and migrates it to the newest schema. */
  public static TestWarehouse migrated(LocalEndpoints endpoints) {
    TestWarehouse warehouse = create(endpoints);
    WarehouseSchema.migrate(warehouse.dataSource(), WarehouseFlavour.POSTGRESQL);
    return warehouse;
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  /** An unpooled data source: each load gets its own connection. */
  public DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(url);
    dataSource.setUser(user);
    return dataSource;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, "");
  }

  /** Every row of a query, each value as text (NULL as null), in query order. */
  public List<List<String>> rows(String query) {
    try (Connection connection = connect();
        Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery(query)) {
      ResultSetMetaData meta = rows.getMetaData();
      List<List<String>> result = new ArrayList<>();
      while (rows.next()) {
        List<String> row = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
          row.add(rows.getString(c));
        }
        result.add(row);
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException("Query failed: " + query, e);
    }
  }

  /** The single value of a query, as text. */
  public String value(String query) {
    List<List<String>> rows = rows(query);
    if (rows.size() != 1 || rows.get(0).size() != 1) {
      throw new IllegalStateException("Expected one value from " + query + ", got " + rows);
    }
    return rows.get(0).get(0);
  }

  /** Every row of a table, all columns, in a stable order. */
  public List<List<String>> snapshot(String table) {
    int columns =
        Integer.parseInt(
            value(
                "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema || '.' ||"
                    + " table_name = '"
                    + table.toLowerCase(Locale.ROOT)
                    + "'"));
    StringBuilder order = new StringBuilder();
    for (int c = 1; c <= columns; c++) {
      order.append(c == 1 ? "" : ", ").append(c);
    }
    return rows("SELECT * FROM " + table + " ORDER BY " + order);
  }

  /** Runs statements. */
  public void execute(String... statements) {
    try (Connection connection = connect();
        Statement sql = connection.createStatement()) {
      for (String statement : statements) {
        sql.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Statement failed: " + String.join("; ", statements), e);
    }
  }
}

package io.customer360.infra.local.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

/**
 * PostgreSQL 17 from embedded binaries, standing in for Redshift locally. Its data lives in a
 * temporary folder removed on stop; the warehouse is rebuilt from gold by idempotent loads.
 */
public final class EmbeddedWarehouse implements AutoCloseable {

  /** The warehouse database the platform creates. */
  public static final String DATABASE = "warehouse";

  private final EmbeddedPostgres postgres;

  private EmbeddedWarehouse(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts PostgreSQL on 127.0.0.1:{@code port} and creates the warehouse database. */
  public static EmbeddedWarehouse start(int port) throws Exception {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "100");
    EmbeddedPostgres postgres = builder.start();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      boolean exists;
      try (ResultSet rs =
          statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        exists = rs.next();
      }
      if (!exists) {
        statement.execute("CREATE DATABASE " + DATABASE);
      }
    }
    return new EmbeddedWarehouse(postgres);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
  }

  public String user() {
    return "postgres";
  }

  @Override
  public void close() throws Exception {
    postgres.close();
  }
}

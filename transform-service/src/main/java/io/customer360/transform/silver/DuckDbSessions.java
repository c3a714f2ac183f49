package io.customer360.transform.silver;

import io.customer360.transform.TransformProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens in-memory DuckDB sessions with the configured memory limit, threads and spill directory.
 * One session per unit of work; closing it frees everything.
 */
public final class DuckDbSessions {

  private final TransformProperties.Engine engine;
  private final Path spillDir;

  public DuckDbSessions(TransformProperties.Engine engine, Path workDir) {
    this.engine = engine;
    this.spillDir = workDir.resolve("duckdb-spill");
    try {
      Files.createDirectories(spillDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create DuckDB spill directory " + spillDir, e);
    }
  }

  /** A new session; the caller closes it. */
  public Connection open() {
    try {
      Connection connection = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement st = connection.createStatement()) {
        st.execute("SET memory_limit = '" + engine.memoryLimit().toMegabytes() + "MB'");
        st.execute("SET threads = " + engine.threads());
        st.execute("SET temp_directory = " + SilverSql.literal(spillDir.toString()));
        st.execute("SET TimeZone = 'UTC'");
      }
      return connection;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot open a DuckDB session: " + e.getMessage(), e);
    }
  }
}

package io.customer360.transform.engine;

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
 * Opens DuckDB sessions with the configured memory limit, threads and spill directory: the one
 * engine silver promotion and gold runs share. In-memory sessions serve one unit of work, and
 * closing one frees everything; a session on a database file keeps its tables for the next session
 * on that file.
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

  /** The memory limit every session gets, in bytes. */
  public long memoryLimitBytes() {
    return engine.memoryLimit().toBytes();
  }

  /** A new session; the caller closes it. */
  public Connection open() {
    return connect("jdbc:duckdb:");
  }

  /**
   * A session on a database file, created when missing, whose tables outlive the session; the
   * caller closes it. Only one session may have a file open at a time.
   */
  public Connection open(Path database) {
    return connect("jdbc:duckdb:" + database.toAbsolutePath());
  }

  private Connection connect(String url) {
    try {
      Connection connection = DriverManager.getConnection(url);
      try (Statement st = connection.createStatement()) {
        st.execute("SET memory_limit = '" + engine.memoryLimit().toMegabytes() + "MB'");
        st.execute("SET threads = " + engine.threads());
        st.execute("SET temp_directory = '" + spillDir.toString().replace("'", "''") + "'");
        st.execute("SET TimeZone = 'UTC'");
      }
      return connection;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot open a DuckDB session: " + e.getMessage(), e);
    }
  }
}

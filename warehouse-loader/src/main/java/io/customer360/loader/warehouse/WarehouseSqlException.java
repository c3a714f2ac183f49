package io.customer360.loader.warehouse;

import java.sql.SQLException;

/**
 * A statement against the warehouse failed. Carries the SQLSTATE, by which failures are classified
 * as retryable or not, and the start of the statement that failed.
 */
public class WarehouseSqlException extends RuntimeException {

  private static final int SHOWN = 160;

  private final String sqlState;

  public WarehouseSqlException(String what, SQLException cause) {
    super(what + " failed (SQLSTATE " + cause.getSQLState() + "): " + cause.getMessage(), cause);
    this.sqlState = cause.getSQLState() == null ? "" : cause.getSQLState();
  }

  /** A failed statement, named by its first characters. */
  public static WarehouseSqlException statement(String sql, SQLException cause) {
    String shown = sql.length() <= SHOWN ? sql : sql.substring(0, SHOWN) + "…";
    return new WarehouseSqlException("Statement [" + shown + "]", cause);
  }

  /** The SQLSTATE of the failure, empty when the driver gave none. */
  public String sqlState() {
    return sqlState;
  }
}

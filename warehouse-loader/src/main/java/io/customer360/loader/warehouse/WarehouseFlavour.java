package io.customer360.loader.warehouse;

import java.util.Locale;

/**
 * The database the warehouse runs on. Both speak PostgreSQL's dialect with {@code MERGE}; they
 * differ in staging, temporary tables, locking, and whether keys are enforced.
 */
public enum WarehouseFlavour {
  /** PostgreSQL 15 or newer: locally, and wherever Redshift is not wanted. */
  POSTGRESQL,
  /** Amazon Redshift (provisioned or Serverless). */
  REDSHIFT;

  /**
   * The flavour a JDBC URL connects to.
   *
   * @throws IllegalArgumentException for a URL of neither
   */
  public static WarehouseFlavour ofJdbcUrl(String url) {
    String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (lower.startsWith("jdbc:redshift:")) {
      return REDSHIFT;
    }
    throw new IllegalArgumentException(
        "Warehouse JDBC URL must start with jdbc:postgresql: or jdbc:redshift:, got " + url);
  }

  /** Flyway's vendor folder and Spring Boot's {@code {vendor}} for this flavour. */
  public String vendor() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A transaction-scoped temporary table with these column definitions. */
  public String createTempTable(String name, String columnDefinitions) {
    return this == POSTGRESQL
        ? "CREATE TEMP TABLE " + name + " (" + columnDefinitions + ") ON COMMIT DROP"
        : "CREATE TEMP TABLE " + name + " (" + columnDefinitions + ")";
  }

  /** A transaction-scoped temporary table holding the result of a query. */
  public String createTempTableAs(String name, String query) {
    return this == POSTGRESQL
        ? "CREATE TEMP TABLE " + name + " ON COMMIT DROP AS " + query
        : "CREATE TEMP TABLE " + name + " AS " + query;
  }

  /**
   * A statement that holds {@code resource} exclusively until the transaction ends, so two loads
   * that touch it run one after the other. PostgreSQL takes an advisory lock (readers are never
   * blocked); Redshift, which has none, locks the manifest table, serializing all loads.
   *
   * @param resource a snake_case name, such as a model name
   */
  public String lock(String resource) {
    if (!resource.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("Lock resource must be snake_case: " + resource);
    }
    return this == POSTGRESQL
        ? "SELECT pg_advisory_xact_lock(hashtext('c360.loader/" + resource + "'))"
        : "LOCK ops.load_manifest";
  }

  /**
   * Whether the warehouse enforces primary keys. Redshift does not, so the loader checks the keys
   * of partition-replaced batches itself there.
   */
  public boolean enforcesKeys() {
    return this == POSTGRESQL;
  }
}

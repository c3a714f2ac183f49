package io.customer360.infra.aws;

/**
 * The warehouse's database users, one per kind of access: the loader owns the schema, the reader is
 * read-only (query-api, notebooks), scoring reads features and writes {@code churn_scores}. The
 * users themselves are created in the database by warehouse-loader's migrations; this deployment
 * generates and stores their passwords.
 */
public enum WarehouseUser {
  LOADER("c360_loader"),
  READER("c360_reader"),
  SCORING("c360_scoring");

  private final String username;

  WarehouseUser(String username) {
    this.username = username;
  }

  public String username() {
    return username;
  }

  String constructId() {
    return name().charAt(0) + name().substring(1).toLowerCase() + "Secret";
  }
}

package io.customer360.query.sql;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Builds a WHERE clause from fixed SQL fragments, binding every value as a named parameter.
 * Optional filters add their fragment only when the caller gave a value.
 */
public final class SqlWhere {

  private final List<String> clauses = new ArrayList<>();
  private final MapSqlParameterSource params = new MapSqlParameterSource();

  /** Adds a condition with no parameter of its own (or whose parameters are bound with bind). */
  public SqlWhere and(String clause) {
    clauses.add(clause);
    return this;
  }

  /** Adds {@code column = :name} when {@code value} is not null. */
  public SqlWhere equalIfPresent(String column, String name, Object value) {
    if (value != null) {
      clauses.add(column + " = :" + name);
      params.addValue(name, value);
    }
    return this;
  }

  /** Binds a parameter used by a fragment or by the surrounding statement. */
  public SqlWhere bind(String name, Object value) {
    params.addValue(name, value);
    return this;
  }

  /** The conditions joined by AND, or {@code TRUE} without any. */
  public String sql() {
    return clauses.isEmpty() ? "TRUE" : String.join(" AND ", clauses);
  }

  /** The bound parameters. */
  public MapSqlParameterSource params() {
    return params;
  }
}

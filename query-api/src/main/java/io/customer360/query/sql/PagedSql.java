package io.customer360.query.sql;

import io.customer360.query.web.PageResult;
import io.customer360.query.web.Paging;
import io.customer360.query.web.SortOrder;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Runs a query one page at a time: the statement is wrapped, sorted by an allow-listed {@link
 * SortOrder} and cut with LIMIT/OFFSET; the total row count comes from a window function in the
 * same round trip. Portable between PostgreSQL and Redshift.
 */
public final class PagedSql {

  private final NamedParameterJdbcOperations jdbc;

  public PagedSql(NamedParameterJdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** The page of {@code sql}'s rows that {@code paging} asks for, in {@code sort} order. */
  public <T> PageResult<T> page(
      String sql, SqlParameterSource params, SortOrder sort, Paging paging, RowMapper<T> mapper) {
    // LIMIT and OFFSET are validated integers, inlined because not every driver binds them.
    String paged =
        "SELECT q.*, COUNT(*) OVER () AS total_rows FROM ("
            + sql
            + ") q ORDER BY "
            + sort.sql()
            + " LIMIT "
            + paging.size()
            + " OFFSET "
            + paging.offset();
    long[] total = {0};
    List<T> items =
        jdbc.query(
            paged,
            params,
            (rs, row) -> {
              total[0] = rs.getLong("total_rows");
              return mapper.mapRow(rs, row);
            });
    if (items.isEmpty() && paging.offset() > 0) {
      Long count = jdbc.queryForObject("SELECT COUNT(*) FROM (" + sql + ") q", params, Long.class);
      total[0] = count == null ? 0 : count;
    }
    return PageResult.of(items, paging, total[0], sort);
  }
}

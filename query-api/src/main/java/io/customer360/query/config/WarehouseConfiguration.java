package io.customer360.query.config;

import io.customer360.query.QueryApiProperties;
import io.customer360.query.sql.PagedSql;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * JDBC access to the warehouse: every statement gets the configured query timeout and a row cap,
 * and is bound by name (never concatenated). The data source is Spring Boot's ({@code
 * spring.datasource.*}), connected as a member of the read-only role {@code c360_reader}.
 */
@Configuration(proxyBeanMethods = false)
public class WarehouseConfiguration {

  /** No answer needs more rows than this; a runaway query is cut rather than exhausting memory. */
  static final int MAX_ROWS = 50_000;

  @Bean
  NamedParameterJdbcTemplate warehouseJdbc(DataSource dataSource, QueryApiProperties properties) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.setQueryTimeout((int) Math.max(1, properties.queryTimeout().toSeconds()));
    jdbc.setMaxRows(MAX_ROWS);
    jdbc.setFetchSize(1_000);
    return new NamedParameterJdbcTemplate(jdbc);
  }

  @Bean
  PagedSql pagedSql(NamedParameterJdbcOperations warehouseJdbc) {
    return new PagedSql(warehouseJdbc);
  }
}

package io.customer360.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.mock.web.MockHttpServletRequest;

class QueryApiProblemsTest {

  final QueryApiProblems problems = new QueryApiProblems();
  final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/sales/by-zip");

  @Test
  void queryTimeoutIsA503TellingToNarrowTheQuery() {
    var response = problems.warehouseFailed(new QueryTimeoutException("slow"), request);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(response.getBody().getType().toString()).endsWith("/query-timeout");
    assertThat(response.getBody().getDetail()).contains("narrow the period");
  }

  @Test
  void postgresCanceledStatementIsTreatedAsATimeout() {
    var canceled =
        new UncategorizedSQLException(
            "query",
            "SELECT 1",
            new SQLException("canceling statement due to user request", "57014"));

    var response = problems.warehouseFailed(canceled, request);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(response.getBody().getType().toString()).endsWith("/query-timeout");
  }

  @Test
  void otherSqlFailuresAreA500WithoutDetails() {
    var failure =
        new UncategorizedSQLException(
            "query", "SELECT secret", new SQLException("relation does not exist", "42P01"));

    var response = problems.warehouseFailed(failure, request);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(response.getBody().getDetail()).doesNotContain("SELECT").doesNotContain("relation");
  }
}

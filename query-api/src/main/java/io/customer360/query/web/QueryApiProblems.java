package io.customer360.query.web;

import io.customer360.apisecurity.problem.ApiProblemAdvice;
import io.customer360.apisecurity.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * query-api's own failures as RFC 9457 problems, before the shared {@link ApiProblemAdvice}: too
 * many requests a 429 with {@code Retry-After}; a query that timed out or a warehouse that cannot
 * be reached a 503; any other warehouse failure a bare 500, logged here; a write method a 405
 * saying the API is read-only.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class QueryApiProblems {

  private static final Logger log = LoggerFactory.getLogger(QueryApiProblems.class);
  private static final String POSTGRES_QUERY_CANCELED = "57014";

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> methodNotAllowed(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
        .body(
            problem(
                HttpStatus.METHOD_NOT_ALLOWED,
                "method-not-allowed",
                "Method not allowed",
                "The API is read-only: " + e.getMethod() + " is not supported here",
                request));
  }

  @ExceptionHandler(RateLimitExceededException.class)
  ResponseEntity<ProblemDetail> rateLimited(
      RateLimitExceededException e, HttpServletRequest request) {
    long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
    ProblemDetail problem =
        problem(
            HttpStatus.TOO_MANY_REQUESTS,
            "rate-limited",
            "Too many requests",
            e.getMessage() + "; retry after " + seconds + " s",
            request);
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
        .body(problem);
  }

  @ExceptionHandler(DataAccessException.class)
  ResponseEntity<ProblemDetail> warehouseFailed(DataAccessException e, HttpServletRequest request) {
    if (e instanceof QueryTimeoutException || sqlState(e).equals(POSTGRES_QUERY_CANCELED)) {
      log.warn("query timed out path={}", request.getRequestURI());
      return unavailable(
          "query-timeout",
          "Query timeout",
          "The query took longer than allowed; narrow the period or add filters",
          request);
    }
    if (e instanceof DataAccessResourceFailureException) {
      log.warn("warehouse unavailable path={} reason={}", request.getRequestURI(), e.toString());
      return unavailable(
          "warehouse-unavailable", "Warehouse unavailable", "Try again shortly", request);
    }
    log.error("query failed path={}", request.getRequestURI(), e);
    return ResponseEntity.internalServerError()
        .body(Problems.at(Problems.internalError(), request));
  }

  private static ResponseEntity<ProblemDetail> unavailable(
      String type, String title, String detail, HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, type, title, detail, request));
  }

  private static ProblemDetail problem(
      HttpStatus status, String type, String title, String detail, HttpServletRequest request) {
    return Problems.at(Problems.of(status, type, title, detail), request);
  }

  private static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return "";
  }
}

package io.customer360.query.web;

import io.customer360.apisecurity.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place that turns failures into RFC 9457 problems. A bad parameter is a 400 whose {@code
 * parameter} property names it; a missing thing a 404; too many requests a 429; a query that timed
 * out or a warehouse that cannot be reached a 503. Nothing else leaks: other failures are a bare
 * 500, logged here.
 */
@RestControllerAdvice
public class ApiProblems {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
  private static final String POSTGRES_QUERY_CANCELED = "57014";

  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ProblemDetail> invalidParameter(
      InvalidParameterException e, HttpServletRequest request) {
    return badRequest(e.parameter(), e.getMessage(), request);
  }

  @ExceptionHandler(BindException.class)
  ResponseEntity<ProblemDetail> bindFailed(BindException e, HttpServletRequest request) {
    return invalidParameters(
        e.getFieldErrors().stream().map(ApiProblems::fieldError).toList(), request);
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ProblemDetail> methodValidationFailed(
      HandlerMethodValidationException e, HttpServletRequest request) {
    List<Map<String, String>> errors = new ArrayList<>();
    for (ParameterValidationResult result : e.getParameterValidationResults()) {
      if (result instanceof ParameterErrors fields) {
        fields.getFieldErrors().forEach(f -> errors.add(fieldError(f)));
      } else {
        String name = result.getMethodParameter().getParameterName();
        String reason = result.getResolvableErrors().get(0).getDefaultMessage();
        errors.add(Map.of("parameter", name, "message", reason == null ? "is invalid" : reason));
      }
    }
    return invalidParameters(errors, request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return badRequest(e.getName(), e.getName() + ": has an invalid value", request);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missingParameter(
      MissingServletRequestParameterException e, HttpServletRequest request) {
    return badRequest(e.getParameterName(), e.getParameterName() + ": is required", request);
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
    ProblemDetail problem =
        problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), request);
    problem.setProperty("parameter", e.parameter());
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noSuchPath(NoResourceFoundException e, HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(
            problem(
                HttpStatus.NOT_FOUND,
                "not-found",
                "Not found",
                "No endpoint " + request.getRequestURI(),
                request));
  }

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
    return internalError(request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    log.error("request failed path={}", request.getRequestURI(), e);
    return internalError(request);
  }

  private static ResponseEntity<ProblemDetail> invalidParameters(
      List<Map<String, String>> errors, HttpServletRequest request) {
    if (errors.isEmpty()) {
      return badRequest("request", "the request parameters are invalid", request);
    }
    Map<String, String> first = errors.get(0);
    ResponseEntity<ProblemDetail> response =
        badRequest(
            first.get("parameter"), first.get("parameter") + ": " + first.get("message"), request);
    response.getBody().setProperty("errors", errors);
    return response;
  }

  private static Map<String, String> fieldError(FieldError error) {
    return Map.of("parameter", error.getField(), "message", message(error));
  }

  private static ResponseEntity<ProblemDetail> badRequest(
      String parameter, String detail, HttpServletRequest request) {
    return ResponseEntity.badRequest()
        .body(Problems.at(Problems.invalidParameter(parameter, detail), request));
  }

  private static ResponseEntity<ProblemDetail> unavailable(
      String type, String title, String detail, HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, type, title, detail, request));
  }

  private static ResponseEntity<ProblemDetail> internalError(HttpServletRequest request) {
    return ResponseEntity.internalServerError()
        .body(
            problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Internal error",
                "The request failed; it has been logged",
                request));
  }

  private static ProblemDetail problem(
      HttpStatus status, String type, String title, String detail, HttpServletRequest request) {
    return Problems.at(Problems.of(status, type, title, detail), request);
  }

  private static String message(FieldError error) {
    if (error.isBindingFailure()) {
      return "has an invalid value";
    }
    return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
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

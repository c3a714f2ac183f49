package io.customer360.apisecurity.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The errors both APIs share, as RFC 9457 problems with the request path as {@code instance}: a bad
 * parameter (ours, a failed bean validation, a wrong type, a missing one, an unreadable body) is a
 * 400 {@code invalid-parameter} naming it in {@code parameter} (and every one in {@code errors}); a
 * missing thing or path a 404; an unsupported method a 405. Anything else is a bare 500 that leaks
 * nothing and is logged here. A service's own advice handles its domain's failures first: this one
 * has the lowest precedence.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiProblemAdvice {

  private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ProblemDetail> invalidParameter(
      InvalidParameterException e, HttpServletRequest request) {
    return badRequest(e.parameter(), e.getMessage(), request);
  }

  /** Also {@code MethodArgumentNotValidException}: an invalid request body. */
  @ExceptionHandler(BindException.class)
  ResponseEntity<ProblemDetail> bindFailed(BindException e, HttpServletRequest request) {
    return invalidParameters(
        e.getFieldErrors().stream().map(ApiProblemAdvice::fieldError).toList(), request);
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
        String reason =
            result.getResolvableErrors().isEmpty()
                ? null
                : result.getResolvableErrors().get(0).getDefaultMessage();
        errors.add(Map.of("parameter", name, "message", reason == null ? "is invalid" : reason));
      }
    }
    return invalidParameters(errors, request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    String expected =
        e.getRequiredType() == null
            ? ""
            : " (expected " + e.getRequiredType().getSimpleName() + ")";
    return badRequest(e.getName(), e.getName() + ": has an invalid value" + expected, request);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missingParameter(
      MissingServletRequestParameterException e, HttpServletRequest request) {
    return badRequest(e.getParameterName(), e.getParameterName() + ": is required", request);
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ProblemDetail> missingPart(
      MissingServletRequestPartException e, HttpServletRequest request) {
    String part = e.getRequestPartName();
    return badRequest(part, part + ": is required (a multipart upload part)", request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadableBody(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    return badRequest("body", "body: is not valid JSON for this call", request);
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
    ProblemDetail problem = notFound(e.getMessage(), request);
    e.parameter().ifPresent(p -> problem.setProperty("parameter", p));
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noSuchPath(NoResourceFoundException e, HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(notFound("No endpoint " + request.getRequestURI(), request));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> methodNotAllowed(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    String allowed =
        e.getSupportedMethods() == null
            ? ""
            : "; allowed: " + String.join(", ", e.getSupportedMethods());
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
        .body(
            problem(
                HttpStatus.METHOD_NOT_ALLOWED,
                "method-not-allowed",
                "Method not allowed",
                e.getMethod() + " is not supported here" + allowed,
                request));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    if (e instanceof ErrorResponse known) {
      // Spring MVC's own 4xx (unsupported media type, not acceptable, …) keep their status.
      return ResponseEntity.status(known.getStatusCode())
          .body(Problems.at(known.getBody(), request));
    }
    log.error("request failed path={}", request.getRequestURI(), e);
    return ResponseEntity.internalServerError()
        .body(Problems.at(Problems.internalError(), request));
  }

  private static ResponseEntity<ProblemDetail> invalidParameters(
      List<Map<String, String>> errors, HttpServletRequest request) {
    if (errors.isEmpty()) {
      return badRequest("request", "request: the parameters are invalid", request);
    }
    Map<String, String> first = errors.get(0);
    ResponseEntity<ProblemDetail> response =
        badRequest(
            first.get("parameter"), first.get("parameter") + ": " + first.get("message"), request);
    response.getBody().setProperty("errors", errors);
    return response;
  }

  private static Map<String, String> fieldError(FieldError error) {
    String message =
        error.isBindingFailure()
            ? "has an invalid value"
            : error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    return Map.of("parameter", error.getField(), "message", message);
  }

  private static ResponseEntity<ProblemDetail> badRequest(
      String parameter, String detail, HttpServletRequest request) {
    return ResponseEntity.badRequest()
        .body(Problems.at(Problems.invalidParameter(parameter, detail), request));
  }

  private static ProblemDetail notFound(String detail, HttpServletRequest request) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, request);
  }

  private static ProblemDetail problem(
      HttpStatus status, String type, String title, String detail, HttpServletRequest request) {
    return Problems.at(Problems.of(status, type, title, detail), request);
  }
}

package io.customer360.scoring.web;

import io.customer360.apisecurity.problem.Problems;
import io.customer360.scoring.features.FeatureDataException;
import io.customer360.scoring.model.ModelException;
import io.customer360.scoring.model.NoModelException;
import io.customer360.scoring.training.ModelImportException;
import io.customer360.scoring.training.TrainingAlreadyRunningException;
import io.customer360.scoring.training.TrainingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of the API as an RFC 9457 {@link ProblemDetail}: a bad parameter is a 400 that names
 * it (property {@code parameter}), a missing thing a 404, no model yet a 503, a training run that
 * cannot go on a 422, a concurrent one a 409.
 */
@RestControllerAdvice
public class ApiProblemAdvice {

  private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

  @ExceptionHandler(InvalidParameterException.class)
  ProblemDetail invalidParameter(InvalidParameterException e) {
    return Problems.invalidParameter(e.parameter(), e.getMessage());
  }

  @ExceptionHandler(ModelImportException.class)
  ProblemDetail invalidImport(ModelImportException e) {
    return Problems.invalidParameter(e.part(), e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    String expected =
        e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
    return Problems.invalidParameter(
        e.getName(), "Parameter '" + e.getName() + "' must be a valid " + expected);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException e) {
    return Problems.invalidParameter(
        e.getParameterName(), "Parameter '" + e.getParameterName() + "' is required");
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ProblemDetail missingPart(MissingServletRequestPartException e) {
    return Problems.invalidParameter(
        e.getRequestPartName(), "Upload part '" + e.getRequestPartName() + "' is required");
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalidBody(MethodArgumentNotValidException e) {
    var error = e.getBindingResult().getFieldErrors().stream().findFirst();
    String field = error.map(f -> f.getField()).orElse("body");
    String message = error.map(f -> f.getDefaultMessage()).orElse("invalid request body");
    return Problems.invalidParameter(field, "'" + field + "' " + message);
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ProblemDetail invalidArgument(HandlerMethodValidationException e) {
    var result = e.getParameterValidationResults().stream().findFirst();
    String name = result.map(r -> r.getMethodParameter().getParameterName()).orElse("parameter");
    String message =
        result
            .flatMap(r -> r.getResolvableErrors().stream().findFirst())
            .map(err -> err.getDefaultMessage())
            .orElse("is invalid");
    return Problems.invalidParameter(name, "'" + name + "' " + message);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return Problems.invalidParameter("body", "The request body is not valid JSON for this call");
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ProblemDetail noResource(NoResourceFoundException e) {
    return Problems.of(
        HttpStatus.NOT_FOUND, "not-found", "Not found", "No endpoint " + e.getResourcePath());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ProblemDetail methodNotAllowed(HttpRequestMethodNotSupportedException e) {
    return Problems.of(
        HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed", e.getMessage());
  }

  @ExceptionHandler(NoModelException.class)
  ProblemDetail noModel(NoModelException e) {
    return Problems.of(
        HttpStatus.SERVICE_UNAVAILABLE, "no-model", "No model serving", e.getMessage());
  }

  @ExceptionHandler(TrainingAlreadyRunningException.class)
  ProblemDetail trainingRunning(TrainingAlreadyRunningException e) {
    return Problems.of(HttpStatus.CONFLICT, "training-running", "Training running", e.getMessage());
  }

  @ExceptionHandler({TrainingException.class, FeatureDataException.class})
  ProblemDetail unusableData(RuntimeException e) {
    return Problems.of(
        HttpStatus.UNPROCESSABLE_CONTENT, "unusable-data", "Unusable feature data", e.getMessage());
  }

  @ExceptionHandler(ModelException.class)
  ProblemDetail modelFailure(ModelException e) {
    log.warn("Model failure reason={}", e.getMessage());
    return Problems.of(
        HttpStatus.INTERNAL_SERVER_ERROR, "model-failure", "Model failure", e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    if (e instanceof org.springframework.web.ErrorResponse known) {
      return known.getBody(); // Spring MVC's own 4xx (unsupported media type, ...)
    }
    log.error("Unhandled API error", e);
    return Problems.of(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal error",
        "The request failed unexpectedly; see the service log");
  }
}

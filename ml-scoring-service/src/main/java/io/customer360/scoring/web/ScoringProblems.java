package io.customer360.scoring.web;

import io.customer360.apisecurity.problem.ApiProblemAdvice;
import io.customer360.apisecurity.problem.Problems;
import io.customer360.scoring.features.FeatureDataException;
import io.customer360.scoring.model.ModelException;
import io.customer360.scoring.model.NoModelException;
import io.customer360.scoring.training.ModelImportException;
import io.customer360.scoring.training.TrainingAlreadyRunningException;
import io.customer360.scoring.training.TrainingException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * ml-scoring-service's own failures as RFC 9457 problems, before the shared {@link
 * ApiProblemAdvice}: an unusable model upload a 400 naming its part, no model yet a 503, a training
 * run that cannot go on a 422, a concurrent one a 409, a model that fails a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ScoringProblems {

  private static final Logger log = LoggerFactory.getLogger(ScoringProblems.class);

  @ExceptionHandler(ModelImportException.class)
  ProblemDetail invalidImport(ModelImportException e, HttpServletRequest request) {
    return Problems.at(Problems.invalidParameter(e.part(), e.getMessage()), request);
  }

  @ExceptionHandler(NoModelException.class)
  ProblemDetail noModel(NoModelException e, HttpServletRequest request) {
    return problem(
        HttpStatus.SERVICE_UNAVAILABLE, "no-model", "No model serving", e.getMessage(), request);
  }

  @ExceptionHandler(TrainingAlreadyRunningException.class)
  ProblemDetail trainingRunning(TrainingAlreadyRunningException e, HttpServletRequest request) {
    return problem(
        HttpStatus.CONFLICT, "training-running", "Training running", e.getMessage(), request);
  }

  @ExceptionHandler({TrainingException.class, FeatureDataException.class})
  ProblemDetail unusableData(RuntimeException e, HttpServletRequest request) {
    return problem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "unusable-data",
        "Unusable feature data",
        e.getMessage(),
        request);
  }

  @ExceptionHandler(ModelException.class)
  ProblemDetail modelFailure(ModelException e, HttpServletRequest request) {
    log.warn("Model failure reason={}", e.getMessage());
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "model-failure",
        "Model failure",
        e.getMessage(),
        request);
  }

  private static ProblemDetail problem(
      HttpStatus status, String type, String title, String detail, HttpServletRequest request) {
    return Problems.at(Problems.of(status, type, title, detail), request);
  }
}

package io.customer360.scoring.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the service's RFC 9457 problem details, with stable {@code type} URIs. */
public final class Problems {

  /** Base of every problem {@code type}. */
  public static final String TYPE_BASE = "https://customer360.io/problems/";

  private Problems() {}

  /** A problem of a type, status and detail. */
  public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    return problem;
  }

  /** A 400 naming the parameter at fault. */
  public static ProblemDetail invalidParameter(String parameter, String detail) {
    ProblemDetail problem =
        of(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail);
    problem.setProperty("parameter", parameter);
    return problem;
  }
}

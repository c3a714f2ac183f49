package io.customer360.apisecurity.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the services' RFC 9457 problem details, with stable {@code type} URIs under {@link
 * #TYPE_BASE}, and writes them where no controller advice reaches (servlet filters, the security
 * entry point).
 */
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

  /**
   * The 500 of a failure the caller cannot fix: it says nothing of the cause, which the service
   * logs instead.
   */
  public static ProblemDetail internalError() {
    return of(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal error",
        "The request failed; it has been logged");
  }

  /** A 400 naming the parameter at fault in its {@code parameter} property. */
  public static ProblemDetail invalidParameter(String parameter, String detail) {
    ProblemDetail problem =
        of(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail);
    problem.setProperty("parameter", parameter);
    return problem;
  }

  /**
   * {@code problem} with the request's path as its {@code instance}; left without one where the
   * path is not a valid URI reference, so that building the problem never fails.
   */
  public static ProblemDetail at(ProblemDetail problem, HttpServletRequest request) {
    try {
      problem.setInstance(new URI(request.getRequestURI()));
    } catch (URISyntaxException e) {
      problem.setInstance(null);
    }
    return problem;
  }

  /**
   * Writes {@code problem} as the whole response, {@code application/problem+json} with its status,
   * its properties as top-level members like Spring MVC renders them.
   */
  public static void write(ProblemDetail problem, HttpServletResponse response, JsonMapper json)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    if (problem.getInstance() != null) {
      body.put("instance", problem.getInstance().toString());
    }
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(json.writeValueAsBytes(body));
  }
}

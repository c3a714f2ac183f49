package io.customer360.scoring.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Times every API request as {@code c360.scoring.requests}, tagged by endpoint pattern, method,
 * status and outcome, so request counts, errors and latency come from one meter.
 */
public class RequestMetricsInterceptor implements HandlerInterceptor {

  private static final String START = RequestMetricsInterceptor.class.getName() + ".start";

  private final MeterRegistry registry;

  public RequestMetricsInterceptor(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    request.setAttribute(START, System.nanoTime());
    return true;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    Object start = request.getAttribute(START);
    if (!(start instanceof Long started)) {
      return;
    }
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    int status = response.getStatus();
    Timer.builder("c360.scoring.requests")
        .description("API requests of ml-scoring-service")
        .tag("endpoint", pattern == null ? "unmatched" : pattern.toString())
        .tag("method", request.getMethod())
        .tag("status", Integer.toString(status))
        .tag("outcome", status < 400 ? "success" : status < 500 ? "client_error" : "server_error")
        .register(registry)
        .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
  }
}

package io.customer360.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies the per-client {@link RateLimiter} to API calls, keyed by the authenticated client (API
 * key client name or JWT subject). Thrown here, the 429 is rendered by {@link QueryApiProblems}.
 */
final class RateLimitInterceptor implements HandlerInterceptor {

  private final RateLimiter limiter;

  RateLimitInterceptor(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    String client = authentication == null ? "anonymous" : authentication.getName();
    Duration wait = limiter.acquire(client);
    if (!wait.isZero()) {
      throw new RateLimitExceededException(client, wait);
    }
    return true;
  }
}

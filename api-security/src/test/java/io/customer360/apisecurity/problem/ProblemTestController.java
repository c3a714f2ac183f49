package io.customer360.apisecurity.problem;

import jakarta.validation.constraints.Max;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Endpoints that fail in every way {@link ApiProblemAdvice} answers, and one domain failure. */
@RestController
class ProblemTestController {

  /** A failure of the test service's own domain, answered by its own advice. */
  static class OutOfStockException extends RuntimeException {
    OutOfStockException() {
      super("Out of stock");
    }
  }

  @GetMapping("/api/things")
  Map<String, Integer> things(
      @RequestParam int limit, @RequestParam(defaultValue = "0") @Max(9) int page) {
    if (limit > 100) {
      throw new InvalidParameterException("limit", "must be at most 100");
    }
    return Map.of("limit", limit, "page", page);
  }

  @GetMapping("/api/things/{id}")
  Map<String, String> thing(@PathVariable String id) {
    switch (id) {
      case "stock" -> throw new OutOfStockException();
      case "boom" -> throw new IllegalStateException("connection string secret=hunter2");
      default -> throw new NotFoundException("id", "No thing " + id);
    }
  }

  @PostMapping("/api/things")
  Map<String, String> create(@RequestBody Map<String, String> body) {
    return body;
  }

  @RestControllerAdvice
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class DomainProblems {
    @ExceptionHandler(OutOfStockException.class)
    ProblemDetail outOfStock(OutOfStockException e) {
      return Problems.of(HttpStatus.CONFLICT, "out-of-stock", "Out of stock", e.getMessage());
    }
  }
}

package io.customer360.scoring.scoring;

import io.customer360.apisecurity.problem.InvalidParameterException;
import io.customer360.apisecurity.problem.NotFoundException;
import io.customer360.scoring.ScoringProperties;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Churn scores: one customer live, the most at-risk list, and batch scoring on demand. */
@RestController
@RequestMapping("/api/v1/churn-scores")
class ChurnScoreController {

  private static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  private final OnlineScoring online;
  private final ChurnScoreStore store;
  private final BatchScoring batch;
  private final int maxPageSize;

  ChurnScoreController(
      OnlineScoring online,
      ChurnScoreStore store,
      BatchScoring batch,
      ScoringProperties properties) {
    this.online = online;
    this.store = store;
    this.batch = batch;
    this.maxPageSize = properties.serving().maxPageSize();
  }

  @GetMapping("/{customerId}")
  ChurnScore score(@PathVariable String customerId) {
    if (!CUSTOMER_ID.matcher(customerId).matches()) {
      throw new InvalidParameterException("customerId", "must be 1-64 letters, digits or _ . : -");
    }
    return online
        .score(customerId)
        .orElseThrow(() -> new NotFoundException("No feature snapshot for customer " + customerId));
  }

  @GetMapping
  ScorePage atRisk(
      @RequestParam(required = false) String riskBand,
      @RequestParam(required = false) Double minScore,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    if (limit < 1 || limit > maxPageSize) {
      throw new InvalidParameterException(
          "limit", "must be between 1 and " + maxPageSize + ", got " + limit);
    }
    if (offset < 0) {
      throw new InvalidParameterException("offset", "must be ≥ 0, got " + offset);
    }
    if (minScore != null && !(minScore >= 0 && minScore <= 1)) {
      throw new InvalidParameterException("minScore", "must be within [0, 1]");
    }
    return store.page(band(riskBand), minScore, limit, offset);
  }

  @PostMapping("/batch")
  BatchResult runBatch(@RequestParam(required = false) LocalDate snapshotDate) {
    return batch.run(snapshotDate);
  }

  private static RiskBand band(String riskBand) {
    if (riskBand == null || riskBand.isBlank()) {
      return null;
    }
    try {
      return RiskBand.ofCode(riskBand);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(
          "riskBand", "must be one of low, medium, high; got '" + riskBand + "'");
    }
  }
}

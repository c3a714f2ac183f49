package io.customer360.scoring.metrics;

import io.customer360.scoring.model.LoadedModel;
import io.customer360.scoring.model.ServingModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The service's own meters, named {@code c360.scoring.*} like every stage's: the serving model's
 * validation AUC, the distribution of scores, the last candidate's AUC and failed model loads.
 * Request latency and counts are recorded by {@link RequestMetricsInterceptor}.
 */
public class ScoringMetrics {

  private final DistributionSummary scores;
  private final Counter loadFailures;
  private volatile double lastCandidateAuc = Double.NaN;

  public ScoringMetrics(MeterRegistry registry, ServingModel serving) {
    Gauge.builder(
            "c360.scoring.model.auc",
            serving,
            s -> s.current().map(LoadedModel::validationAuc).orElse(Double.NaN))
        .description("Validation ROC AUC of the serving churn model")
        .register(registry);
    Gauge.builder("c360.scoring.training.candidate.auc", this, m -> m.lastCandidateAuc)
        .description("Validation ROC AUC of the last trained candidate")
        .register(registry);
    this.scores =
        DistributionSummary.builder("c360.scoring.score")
            .description("Churn scores produced, online and batch")
            .serviceLevelObjectives(0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9)
            .minimumExpectedValue(0.001)
            .maximumExpectedValue(1.0)
            .register(registry);
    this.loadFailures =
        Counter.builder("c360.scoring.model.load.failures")
            .description("Promoted model versions that failed to load")
            .register(registry);
  }

  /** Records one score. */
  public void recordScore(double score) {
    scores.record(score);
  }

  /** Counts a failed model load. */
  public void modelLoadFailed() {
    loadFailures.increment();
  }

  /** Records a trained candidate's validation AUC. */
  public void candidateTrained(double auc) {
    lastCandidateAuc = auc;
  }
}

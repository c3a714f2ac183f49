package io.customer360.scoring.metrics;

import io.customer360.scoring.model.LoadedModel;
import io.customer360.scoring.model.ServingModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The service's own meters, named {@code c360.ml.*} and tagged by registry model name ({@code
 * model=churn}), all registered on start-up: the serving model's validation AUC ({@code
 * c360.ml.model.auc}, NaN until a model serves), the distribution of scores ({@code
 * c360.ml.score}), the last trained candidate's AUC ({@code c360.ml.training.candidate.auc}) and
 * failed model loads ({@code c360.ml.model.load.failures}). Request latency and errors are Spring
 * Boot's HTTP server timer, renamed {@code c360.api.requests} in {@code application.yaml} as in
 * query-api.
 */
public class ScoringMetrics {

  private final DistributionSummary scores;
  private final Counter loadFailures;
  private volatile double lastCandidateAuc = Double.NaN;

  public ScoringMetrics(MeterRegistry registry, ServingModel serving, String model) {
    Gauge.builder(
            "c360.ml.model.auc",
            serving,
            s -> s.current().map(LoadedModel::validationAuc).orElse(Double.NaN))
        .description("Validation ROC AUC of the serving model")
        .tag("model", model)
        .register(registry);
    Gauge.builder("c360.ml.training.candidate.auc", this, m -> m.lastCandidateAuc)
        .description("Validation ROC AUC of the last trained candidate")
        .tag("model", model)
        .register(registry);
    this.scores =
        DistributionSummary.builder("c360.ml.score")
            .description("Scores produced, online and batch")
            .tag("model", model)
            .serviceLevelObjectives(0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9)
            .minimumExpectedValue(0.001)
            .maximumExpectedValue(1.0)
            .register(registry);
    this.loadFailures =
        Counter.builder("c360.ml.model.load.failures")
            .description("Promoted model versions that failed to load")
            .tag("model", model)
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

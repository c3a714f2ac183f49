package io.customer360.scoring.training;

import io.customer360.scoring.ScoringProperties;
import io.customer360.scoring.evaluation.Evaluation;
import io.customer360.scoring.features.FeatureFrame;
import io.customer360.scoring.features.WarehouseFeatures;
import io.customer360.scoring.model.GbtModel;
import io.customer360.scoring.registry.ModelMetrics;
import io.customer360.scoring.registry.ModelRegistry;
import io.customer360.scoring.registry.PromotionDecision;
import io.customer360.scoring.registry.TrainingRange;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The churn training run: read labelled snapshots, split by time, check for leakage, train XGBoost
 * and the logistic-regression baseline, evaluate both on the validation window, write the version
 * to the registry and promote it if it beats the promoted model. One run at a time per process.
 */
public class TrainingJob {

  private static final Logger log = LoggerFactory.getLogger(TrainingJob.class);

  private final WarehouseFeatures features;
  private final ModelRegistry registry;
  private final Promotion promotion;
  private final ScoringProperties.Training config;
  private final String source;
  private final Clock clock;
  private final DoubleConsumer aucListener;
  private final ReentrantLock running = new ReentrantLock();

  /**
   * @param source name of the feature table, recorded with the model
   * @param aucListener told the validation AUC of every candidate
   */
  public TrainingJob(
      WarehouseFeatures features,
      ModelRegistry registry,
      Promotion promotion,
      ScoringProperties.Training config,
      String source,
      Clock clock,
      DoubleConsumer aucListener) {
    this.features = features;
    this.registry = registry;
    this.promotion = promotion;
    this.config = config;
    this.source = source;
    this.clock = clock;
    this.aucListener = aucListener;
  }

  /**
   * Trains on the warehouse feature table.
   *
   * @throws TrainingAlreadyRunningException when a run is in progress
   * @throws TrainingException when the data does not allow a model
   */
  public TrainingReport run() {
    if (!running.tryLock()) {
      throw new TrainingAlreadyRunningException();
    }
    try {
      LocalDate newest =
          features
              .latestSnapshotDate()
              .orElseThrow(
                  () -> new TrainingException("The feature table " + source + " is empty"));
      FeatureFrame labelled = features.labelledSince(newest.minusDays(config.historyDays()));
      return train(labelled);
    } finally {
      running.unlock();
    }
  }

  /** Trains on labelled rows already in memory. */
  public TrainingReport train(FeatureFrame labelled) {
    long started = System.nanoTime();
    TimeSplit split = TimeSplit.of(labelled, config.validationDays(), config.labelHorizonDays());
    FeatureFrame train = labelled.select(split.trainRows());
    FeatureFrame validation = labelled.select(split.validationRows());
    requirePositives("training", train);
    requirePositives("validation", validation);
    LeakageGuard.check(train, config.leakageAucThreshold());

    GbtModel model = GbtTrainer.train(train, config.gbt());
    LogisticRegression baseline = LogisticRegression.fit(train, config.baselineL2());
    Evaluation modelEval = Evaluation.of(model.scores(validation), validation.positives());
    Evaluation baselineEval = Evaluation.of(baseline.scores(validation), validation.positives());
    OptionalDouble promotedAuc = promotion.promotedAuc(validation);

    Instant now = clock.instant();
    String version = ModelRegistry.newVersion(now, "trained");
    ModelMetrics metrics =
        new ModelMetrics(
            modelEval.rocAuc(),
            modelEval,
            baselineEval,
            promotedAuc.isPresent() ? promotedAuc.getAsDouble() : null);
    TrainingRange range =
        new TrainingRange(
            "trained",
            source,
            split.trainStart(),
            split.trainEnd(),
            split.validationStart(),
            split.validationEnd(),
            train.rows(),
            validation.rows(),
            config.labelHorizonDays(),
            now);
    registry.save(version, model.toJson(), model.schema(), metrics, range);
    aucListener.accept(modelEval.rocAuc());
    log.info(
        "Trained churn model version={} trainRows={} validationRows={} features={} auc={}"
            + " baselineAuc={} seconds={}",
        version,
        train.rows(),
        validation.rows(),
        model.schema().size(),
        modelEval.rocAuc(),
        baselineEval.rocAuc(),
        (System.nanoTime() - started) / 1e9);
    PromotionDecision decision = promotion.decide(version, modelEval.rocAuc(), promotedAuc);
    return new TrainingReport(
        version, decision, metrics, range, Arrays.asList(model.schema().names()));
  }

  private void requirePositives(String side, FeatureFrame frame) {
    long positives = 0;
    for (float l : frame.labels()) {
      positives += l == 1f ? 1 : 0;
    }
    if (positives < config.minPositives() || positives == frame.rows()) {
      throw new TrainingException(
          "The "
              + side
              + " window has "
              + positives
              + " churners in "
              + frame.rows()
              + " rows; at least "
              + config.minPositives()
              + " and some non-churners are needed");
    }
  }
}

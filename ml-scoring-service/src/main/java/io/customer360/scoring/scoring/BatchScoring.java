package io.customer360.scoring.scoring;

import io.customer360.scoring.features.FeatureDataException;
import io.customer360.scoring.features.FeatureFrame;
import io.customer360.scoring.features.WarehouseFeatures;
import io.customer360.scoring.model.LoadedModel;
import io.customer360.scoring.model.ServingModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores every customer of one feature snapshot with the serving model and writes the scores to the
 * warehouse (one transaction replacing that snapshot) and to gold (one Parquet object). The
 * feature-refresh watch runs it when a snapshot appears that the serving model has not scored.
 */
public class BatchScoring {

  private static final Logger log = LoggerFactory.getLogger(BatchScoring.class);

  private final WarehouseFeatures features;
  private final ServingModel serving;
  private final ChurnScorer scorer;
  private final ChurnScoreStore store;
  private final GoldScores gold;
  private final int chunkSize;
  private final ReentrantLock running = new ReentrantLock();

  public BatchScoring(
      WarehouseFeatures features,
      ServingModel serving,
      ChurnScorer scorer,
      ChurnScoreStore store,
      GoldScores gold,
      int chunkSize) {
    this.features = features;
    this.serving = serving;
    this.scorer = scorer;
    this.store = store;
    this.gold = gold;
    this.chunkSize = chunkSize;
  }

  /**
   * Scores a snapshot date, or the newest one when {@code date} is null.
   *
   * @throws io.customer360.scoring.model.NoModelException when no model serves
   * @throws FeatureDataException when the table is empty or lacks a model feature
   */
  public BatchResult run(LocalDate date) {
    running.lock();
    try {
      long started = System.nanoTime();
      LoadedModel model = serving.require();
      LocalDate snapshot =
          date != null
              ? date
              : features
                  .latestSnapshotDate()
                  .orElseThrow(() -> new FeatureDataException("The feature table is empty"));
      FeatureFrame frame = features.snapshot(snapshot, model.model().schema());
      long read = System.nanoTime();
      List<ChurnScore> scores = score(model, frame);
      long scored = System.nanoTime();
      store.replace(snapshot, scores);
      long stored = System.nanoTime();
      String key = gold.write(snapshot, scores);
      long written = System.nanoTime();
      double seconds = (written - started) / 1e9;
      log.info(
          "Batch scored snapshotDate={} customers={} modelVersion={} goldKey={} seconds={}"
              + " readSeconds={} scoreSeconds={} warehouseSeconds={} goldSeconds={}",
          snapshot,
          scores.size(),
          model.version(),
          key,
          seconds,
          (read - started) / 1e9,
          (scored - read) / 1e9,
          (stored - scored) / 1e9,
          (written - stored) / 1e9);
      return new BatchResult(snapshot, scores.size(), model.version(), key, seconds);
    } finally {
      running.unlock();
    }
  }

  /**
   * Runs a batch if the newest snapshot has not been scored by the serving model yet.
   *
   * @return the batch run, or empty when there was nothing new (or no model, or no features)
   */
  public Optional<BatchResult> runIfStale() {
    Optional<LoadedModel> model = serving.current();
    Optional<LocalDate> newest = features.latestSnapshotDate();
    if (model.isEmpty() || newest.isEmpty()) {
      return Optional.empty();
    }
    if (store.count(newest.get(), model.get().version()) > 0) {
      return Optional.empty();
    }
    return Optional.of(run(newest.get()));
  }

  private List<ChurnScore> score(LoadedModel model, FeatureFrame frame) {
    List<ChurnScore> scores = new ArrayList<>(frame.rows());
    for (int from = 0; from < frame.rows(); from += chunkSize) {
      int[] rows = IntStream.range(from, Math.min(frame.rows(), from + chunkSize)).toArray();
      scores.addAll(scorer.score(model, frame.select(rows)));
    }
    return scores;
  }
}

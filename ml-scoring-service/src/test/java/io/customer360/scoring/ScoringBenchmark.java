package io.customer360.scoring;

import io.customer360.infra.local.LocalPlatform;
import io.customer360.infra.local.LocalPlatformConfig;
import io.customer360.scoring.features.FeatureFrame;
import io.customer360.scoring.features.WarehouseFeatures;
import io.customer360.scoring.model.GbtModel;
import io.customer360.scoring.model.LoadedModel;
import io.customer360.scoring.model.ServingModel;
import io.customer360.scoring.scoring.BatchResult;
import io.customer360.scoring.scoring.BatchScoring;
import io.customer360.scoring.scoring.ChurnScorer;
import io.customer360.scoring.scoring.OnlineScoring;
import io.customer360.scoring.training.TrainingJob;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scoring latency and batch throughput of ml-scoring-service, each against raw XGBoost on the same
 * rows in the same run. Starts the embedded platform, loads a synthetic feature table, starts the
 * service, trains, then measures:
 *
 * <ul>
 *   <li>single score by the model alone ({@code ChurnScorer}: predict and SHAP contributions of a
 *       row in memory), baseline raw {@code Booster.predict} of that row;
 *   <li>single score in-process ({@code OnlineScoring}: warehouse lookup of the latest snapshot,
 *       predict, SHAP contributions), baseline raw {@code Booster.predict} of that row;
 *   <li>single score over HTTP ({@code GET /api/v1/churn-scores/{id}} with an API key), baseline
 *       the in-process figure (the cost of HTTP, security and JSON);
 *   <li>batch scoring of the newest snapshot (read, score with SHAP, write warehouse + gold),
 *       baseline raw {@code Booster.predict} of the same matrix.
 * </ul>
 *
 * Run by {@code benchmarks/scoring-latency.sh}; args: customers, requests.
 */
public final class ScoringBenchmark {

  private static final String KEY = "benchmark-key";
  private static final int DAYS = 12;

  private ScoringBenchmark() {}

  public static void main(String[] args) throws Exception {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    LocalDate start = LocalDate.of(2026, 1, 1);
    try (LocalPlatform platform = LocalPlatform.start(LocalPlatformConfig.forTests())) {
      SyntheticChurn.load(
          platform.endpoints().jdbcUrl(),
          platform.endpoints().jdbcUser(),
          "bench",
          SyntheticChurn.generate(customers, DAYS, 2, start, 1));
      Map<String, String> props = new HashMap<>(platform.endpoints().springProperties());
      props.put("c360.security.api-keys.bench", KEY);
      props.put("c360.ml-scoring.model-name", "churn_bench");
      props.put("c360.ml-scoring.features.table", "bench.customer_features");
      props.put("c360.ml-scoring.scores.table", "bench.churn_scores");
      props.put("c360.ml-scoring.scores.gold-model", "churn_scores_bench");
      props.put("c360.ml-scoring.scores.refresh-interval", "0s");
      props.put("c360.ml-scoring.training.cron", "-");
      props.put("c360.ml-scoring.training.validation-days", "3");
      props.put("c360.ml-scoring.training.label-horizon-days", "2");
      props.put("server.port", "0");
      props.put("spring.main.banner-mode", "off");
      props.forEach(System::setProperty); // above application.yaml, as in the tests
      try (ConfigurableApplicationContext app =
          new SpringApplicationBuilder(ScoringApplication.class).run()) {
        run(app, customers, requests, start.plusDays(DAYS - 1L));
      }
    }
  }

  private static void run(
      ConfigurableApplicationContext app, int customers, int requests, LocalDate newest)
      throws Exception {
    app.getBean(TrainingJob.class).run();
    GbtModel model = app.getBean(ServingModel.class).require().model();
    FeatureFrame snapshot = app.getBean(WarehouseFeatures.class).snapshot(newest, model.schema());
    Random random = new Random(3);
    String[] ids = new String[requests];
    Arrays.setAll(ids, i -> String.format("C%07d", 1 + random.nextInt(customers)));

    OnlineScoring online = app.getBean(OnlineScoring.class);
    double[] inProcess = time(ids, id -> online.score(id).orElseThrow());
    ChurnScorer scorer = app.getBean(ChurnScorer.class);
    LoadedModel loaded = app.getBean(ServingModel.class).require();
    double[] modelOnly =
        time(ids, id -> scorer.score(loaded, snapshot.select(new int[] {rowOf(id)})).get(0));
    Booster booster = model.booster();
    double[] raw =
        time(
            ids,
            id -> {
              DMatrix m = new DMatrix(snapshot.row(rowOf(id)), 1, snapshot.width(), Float.NaN);
              try {
                return booster.predict(m)[0][0];
              } finally {
                m.dispose();
              }
            });
    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    HttpClient http = HttpClient.newHttpClient();
    double[] overHttp =
        time(
            ids,
            id -> {
              HttpResponse<String> r =
                  http.send(
                      HttpRequest.newBuilder(
                              URI.create("http://127.0.0.1:" + port + "/api/v1/churn-scores/" + id))
                          .header("X-API-Key", KEY)
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
              }
              return r.body();
            });

    BatchScoring batch = app.getBean(BatchScoring.class);
    batch.run(newest); // warm-up
    BatchResult result = batch.run(newest);
    double batchRate = result.customers() / result.seconds();
    double rawRate = rawBatchRate(booster, snapshot);

    result("single_score_model_shap_p50", percentile(modelOnly, 50), "ms", percentile(raw, 50));
    result("single_score_model_shap_p99", percentile(modelOnly, 99), "ms", percentile(raw, 99));
    result("single_score_inprocess_p50", percentile(inProcess, 50), "ms", percentile(raw, 50));
    result("single_score_inprocess_p99", percentile(inProcess, 99), "ms", percentile(raw, 99));
    result("single_score_http_p50", percentile(overHttp, 50), "ms", percentile(inProcess, 50));
    result("single_score_http_p99", percentile(overHttp, 99), "ms", percentile(inProcess, 99));
    result("batch_scoring", batchRate, "customers/s", rawRate);
    System.out.printf(
        Locale.ROOT,
        "Batch customers=%d seconds=%.3f (read, score with SHAP, write warehouse and gold)%n",
        result.customers(),
        result.seconds());
  }

  /** Snapshot rows are ordered by customer id, C0000001 first. */
  private static int rowOf(String id) {
    return Integer.parseInt(id.substring(1)) - 1;
  }

  private static double rawBatchRate(Booster booster, FeatureFrame snapshot) throws Exception {
    double best = 0;
    for (int i = 0; i < 3; i++) {
      long t = System.nanoTime();
      DMatrix m = new DMatrix(snapshot.values(), snapshot.rows(), snapshot.width(), Float.NaN);
      booster.predict(m);
      m.dispose();
      best = Math.max(best, snapshot.rows() / ((System.nanoTime() - t) / 1e9));
    }
    return best;
  }

  /** Times each call after a warm-up pass over the first 20%; returns milliseconds. */
  private static double[] time(String[] ids, Call call) throws Exception {
    for (int i = 0; i < Math.max(1, ids.length / 5); i++) {
      call.run(ids[i]);
    }
    double[] ms = new double[ids.length];
    for (int i = 0; i < ids.length; i++) {
      long t = System.nanoTime();
      call.run(ids[i]);
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    return ms;
  }

  private static double percentile(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static void result(String name, double value, String unit, double baseline) {
    System.out.printf(
        Locale.ROOT,
        "RESULT %s value=%.4f unit=%s baseline=%.4f ratio=%.3f%n",
        name,
        value,
        unit,
        baseline,
        value / baseline);
  }

  @FunctionalInterface
  private interface Call {
    Object run(String id) throws Exception;
  }
}

package io.customer360.scoring.cli;

import io.customer360.scoring.evaluation.Evaluation;
import io.customer360.scoring.features.FeatureFrame;
import io.customer360.scoring.features.FileFeatures;
import io.customer360.scoring.features.TableLayout;
import io.customer360.scoring.model.GbtModel;
import io.customer360.scoring.registry.ModelRegistry;
import io.customer360.scoring.training.CrossValidation;
import io.customer360.scoring.training.CrossValidationReport;
import io.customer360.scoring.training.GbtParameters;
import io.customer360.scoring.training.GbtTrainer;
import io.customer360.scoring.training.LeakageGuard;
import io.customer360.scoring.training.LogisticRegression;
import io.customer360.scoring.training.TimeSplit;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Command line for data scientists, without Spring or AWS: train or cross-validate on a local CSV
 * or Parquet feature file.
 *
 * <pre>
 * cross-validate --file=F --label=COL [--id=COL] [--date=COL] [--exclude=A,B] [--filter=COL] [--folds=5]
 * train --file=F --label=COL --date=COL [--id=COL] [--exclude=A,B] [--validation-days=7]
 *       [--horizon-days=30] [--out=DIR]
 * </pre>
 *
 * Both take {@code --rounds}, {@code --max-depth}, {@code --eta} and {@code --min-child-weight} to
 * override the service's XGBoost defaults. {@code train} writes {@code xgboost-model}, {@code
 * features.json} and {@code metrics.json} to {@code --out}, ready for {@code POST
 * /api/v1/models/churn/import}.
 */
public final class ChurnCli {

  private ChurnCli() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      usage(System.err);
      System.exit(2);
    }
    Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
    switch (args[0]) {
      case "cross-validate" -> crossValidate(options, System.out);
      case "train" -> train(options, System.out);
      default -> {
        usage(System.err);
        System.exit(2);
      }
    }
  }

  static void crossValidate(Map<String, String> o, PrintStream out) {
    FeatureFrame frame = FileFeatures.read(file(o), layout(o), o.get("filter"));
    int folds = Integer.parseInt(o.getOrDefault("folds", "5"));
    GbtParameters gbt = gbt(o);
    CrossValidationReport r = CrossValidation.run(frame, folds, gbt, 1.0, gbt.seed());
    out.printf(
        Locale.ROOT,
        "cross-validation rows=%d positives=%d features=%d folds=%d auc=%.4f std=%.4f"
            + " baseline_auc=%.4f%n",
        r.rows(),
        r.positives(),
        r.features().size(),
        r.folds(),
        r.meanAuc(),
        r.stdAuc(),
        r.baselineMeanAuc());
  }

  static void train(Map<String, String> o, PrintStream out) throws IOException {
    FeatureFrame labelled = FileFeatures.read(file(o), layout(o), o.get("filter")).labelledOnly();
    TimeSplit split =
        TimeSplit.of(
            labelled,
            Integer.parseInt(o.getOrDefault("validation-days", "7")),
            Integer.parseInt(o.getOrDefault("horizon-days", "30")));
    FeatureFrame train = labelled.select(split.trainRows());
    FeatureFrame validation = labelled.select(split.validationRows());
    LeakageGuard.check(train, 0.98);
    GbtModel model = GbtTrainer.train(train, gbt(o));
    Evaluation eval = Evaluation.of(model.scores(validation), validation.positives());
    Evaluation base =
        Evaluation.of(
            LogisticRegression.fit(train, 1.0).scores(validation), validation.positives());
    out.printf(
        Locale.ROOT,
        "train rows=%d validation rows=%d (from %s) auc=%.4f pr_auc=%.4f log_loss=%.4f"
            + " brier=%.4f lift_top_decile=%.2f baseline_auc=%.4f%n",
        train.rows(),
        validation.rows(),
        split.validationStart(),
        eval.rocAuc(),
        eval.prAuc(),
        eval.logLoss(),
        eval.brier(),
        eval.liftTopDecile(),
        base.rocAuc());
    if (o.containsKey("out")) {
      Path dir = Files.createDirectories(Path.of(o.get("out")));
      JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
      Files.write(dir.resolve(ModelRegistry.MODEL_FILE), model.toJson());
      Files.write(
          dir.resolve("features.json"), json.writeValueAsBytes(model.schema().toDocument()));
      Files.write(
          dir.resolve("metrics.json"),
          json.writeValueAsBytes(Map.of("model", eval, "baseline", base)));
      out.println("wrote " + dir.toAbsolutePath());
    }
  }

  /** XGBoost parameters: the service defaults, overridden by --rounds, --max-depth, --eta. */
  static GbtParameters gbt(Map<String, String> o) {
    GbtParameters d = GbtParameters.defaults();
    return new GbtParameters(
        Integer.parseInt(o.getOrDefault("rounds", Integer.toString(d.rounds()))),
        Integer.parseInt(o.getOrDefault("max-depth", Integer.toString(d.maxDepth()))),
        Double.parseDouble(o.getOrDefault("eta", Double.toString(d.eta()))),
        d.subsample(),
        d.colsampleBytree(),
        Double.parseDouble(o.getOrDefault("min-child-weight", Double.toString(d.minChildWeight()))),
        d.lambda(),
        d.threads(),
        d.seed());
  }

  private static Path file(Map<String, String> o) {
    String file = o.get("file");
    if (file == null) {
      throw new IllegalArgumentException("--file is required");
    }
    return Path.of(file);
  }

  private static TableLayout layout(Map<String, String> o) {
    String label = o.get("label");
    if (label == null) {
      throw new IllegalArgumentException("--label is required");
    }
    List<String> excluded =
        o.containsKey("exclude") ? Arrays.asList(o.get("exclude").split(",")) : List.of();
    return new TableLayout(o.get("id"), o.get("date"), label, excluded);
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("Options look like --name=value, got " + arg);
      }
      int eq = arg.indexOf('=');
      options.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    return options;
  }

  private static void usage(PrintStream err) {
    err.println(
        "usage: cross-validate --file=F --label=COL [--id=COL] [--date=COL] [--exclude=A,B]"
            + " [--filter=COL] [--folds=5]\n"
            + "       train --file=F --label=COL --date=COL [--id=COL] [--exclude=A,B]"
            + " [--validation-days=7] [--horizon-days=30] [--out=DIR]");
  }
}

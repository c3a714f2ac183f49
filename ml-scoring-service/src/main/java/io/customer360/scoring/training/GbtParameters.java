package io.customer360.scoring.training;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * XGBoost hyper-parameters of the churn model ({@code binary:logistic}). The defaults are shallow,
 * slow and strongly regularized trees: churners are a few percent of rows, and deeper trees overfit
 * them (on datagen's labels depth 3 / eta 0.03 / min child weight 20 cross-validates better than
 * depth 4 / eta 0.05 / 5).
 *
 * @param rounds boosting rounds
 * @param maxDepth tree depth
 * @param eta learning rate
 * @param subsample row sampling per tree
 * @param colsampleBytree feature sampling per tree
 * @param minChildWeight minimum hessian weight in a leaf
 * @param lambda L2 penalty on leaf weights
 * @param threads XGBoost threads; 0 = all cores
 * @param seed random seed, for repeatable models
 */
public record GbtParameters(
    @DefaultValue("300") int rounds,
    @DefaultValue("3") int maxDepth,
    @DefaultValue("0.03") double eta,
    @DefaultValue("0.8") double subsample,
    @DefaultValue("0.8") double colsampleBytree,
    @DefaultValue("20") double minChildWeight,
    @DefaultValue("1") double lambda,
    @DefaultValue("0") int threads,
    @DefaultValue("42") long seed) {

  /** The defaults above, for code outside Spring (CLI, tests, benchmarks). */
  public static GbtParameters defaults() {
    return new GbtParameters(300, 3, 0.03, 0.8, 0.8, 20, 1, 0, 42);
  }

  /** The XGBoost parameter map. */
  public Map<String, Object> toXgboost() {
    Map<String, Object> p = new HashMap<>();
    p.put("objective", "binary:logistic");
    p.put("eval_metric", "auc");
    p.put("tree_method", "hist");
    p.put("max_depth", maxDepth);
    p.put("eta", eta);
    p.put("subsample", subsample);
    p.put("colsample_bytree", colsampleBytree);
    p.put("min_child_weight", minChildWeight);
    p.put("lambda", lambda);
    p.put("nthread", threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    p.put("seed", seed);
    p.put("verbosity", 0);
    return p;
  }
}

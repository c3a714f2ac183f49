package io.customer360.loader.warehouse;

import io.customer360.common.gold.GoldContract;
import io.customer360.common.gold.ModelContract;
import io.customer360.common.gold.WarehouseTarget;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each gold model goes in the warehouse and how: the load plan of each model, made from its
 * load mode and its {@code warehouse} block in the gold contract.
 */
public final class WarehouseTargets {

  private final Map<String, LoadPlan> plans;

  private WarehouseTargets(Map<String, LoadPlan> plans) {
    this.plans = Map.copyOf(plans);
  }

  /** The plans of every model of the contract. */
  public static WarehouseTargets forContract(GoldContract contract) {
    Map<String, LoadPlan> plans = new HashMap<>();
    for (ModelContract model : contract.models()) {
      plans.put(model.name(), plan(model));
    }
    return new WarehouseTargets(plans);
  }

  /** The plan of a model. */
  public Optional<LoadPlan> plan(String model) {
    return Optional.ofNullable(plans.get(model));
  }

  private static LoadPlan plan(ModelContract model) {
    WarehouseTarget target = model.warehouse();
    return switch (model.load()) {
      case REPLACE_PARTITIONS -> new ReplacePartitions(target.table(), target.derived());
      case MERGE ->
          new MergeByKey(
              target.table(),
              target.mergeKey(),
              target.versionColumn().orElse(null),
              target.columnMerges());
      case SCD2 -> new CustomerHistory(target.table(), target.rekeys().orElseThrow());
    };
  }
}

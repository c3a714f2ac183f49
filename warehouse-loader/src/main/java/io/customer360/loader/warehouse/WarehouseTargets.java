package io.customer360.loader.warehouse;

import io.customer360.common.gold.GoldContract;
import io.customer360.common.gold.ModelContract;
import io.customer360.loader.warehouse.MergeByKey.ColumnMerge;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each gold model goes in the warehouse and how: the mapping from the gold contract to the
 * star schema.
 */
public final class WarehouseTargets {

  private final Map<String, LoadPlan> plans;

  private WarehouseTargets(Map<String, LoadPlan> plans) {
    this.plans = Map.copyOf(plans);
  }

  /**
   * The plans of every model of the contract.
   *
   * @throws IllegalStateException when a contract model has no target, or its load mode differs
   *     from its plan's
   */
  public static WarehouseTargets forContract(GoldContract contract) {
    Map<String, LoadPlan> all = all();
    Map<String, LoadPlan> plans = new HashMap<>();
    for (ModelContract model : contract.models()) {
      LoadPlan plan = all.get(model.name());
      if (plan == null) {
        throw new IllegalStateException("Gold model " + model.name() + " has no warehouse target");
      }
      if (plan.mode() != model.load()) {
        throw new IllegalStateException(
            "Gold model "
                + model.name()
                + " is loaded by "
                + model.load()
                + " but targets "
                + plan);
      }
      plans.put(model.name(), plan);
    }
    return new WarehouseTargets(plans);
  }

  /** The plan of a model. */
  public Optional<LoadPlan> plan(String model) {
    return Optional.ofNullable(plans.get(model));
  }

  private static Map<String, LoadPlan> all() {
    Map<String, LoadPlan> plans = new HashMap<>();
    plans.put(
        "order_lines",
        new ReplacePartitions(
            "warehouse.fact_order_line",
            List.of(
                dateKey("order_date"),
                new DerivedColumn.CustomerKeyAsOf("customer_key", "customer_id", "order_ts"))));
    plans.put("returns", fact("warehouse.fact_return", "return_date"));
    plans.put("web_sessions", fact("warehouse.fact_web_session", "session_date"));
    plans.put("weblog_hourly", fact("warehouse.fact_weblog_hourly", "log_date"));
    plans.put("weather_daily", fact("warehouse.fact_weather_daily", "weather_date"));
    plans.put("customer_features", table("warehouse.customer_features"));
    plans.put("customer_segments", table("warehouse.customer_segments"));
    for (String aggregate :
        List.of(
            "sales_by_zip_category_daily",
            "returns_by_product_daily",
            "coupon_redemptions_daily",
            "campaign_referrals_daily",
            "activity_by_geography_daily",
            "purchases_per_minute")) {
      plans.put(aggregate, table("warehouse.agg_" + aggregate));
    }
    plans.put("customers", CustomerHistory.dimCustomer());
    plans.put(
        "products",
        new MergeByKey("warehouse.dim_product", List.of("product_id"), "updated_at", Map.of()));
    plans.put(
        "geography",
        new MergeByKey(
            "warehouse.dim_geography",
            List.of("zip"),
            null,
            Map.of(
                "city", ColumnMerge.KEEP_KNOWN,
                "state", ColumnMerge.KEEP_KNOWN,
                "latitude", ColumnMerge.KEEP_KNOWN,
                "longitude", ColumnMerge.KEEP_KNOWN)));
    plans.put(
        "campaigns",
        new MergeByKey(
            "warehouse.dim_campaign",
            List.of("campaign_id"),
            null,
            Map.of(
                "utm_source", ColumnMerge.KEEP_KNOWN,
                "utm_medium", ColumnMerge.KEEP_KNOWN,
                "utm_campaign", ColumnMerge.KEEP_KNOWN,
                "coupon_code", ColumnMerge.KEEP_KNOWN,
                "promoted_category", ColumnMerge.KEEP_KNOWN,
                "first_seen_date", ColumnMerge.EARLIEST,
                "last_seen_date", ColumnMerge.LATEST)));
    return plans;
  }

  private static ReplacePartitions fact(String table, String dateColumn) {
    return new ReplacePartitions(table, List.of(dateKey(dateColumn)));
  }

  private static ReplacePartitions table(String table) {
    return new ReplacePartitions(table, List.of());
  }

  private static DerivedColumn dateKey(String dateColumn) {
    return new DerivedColumn.DateKey(dateColumn + "_key", dateColumn);
  }
}

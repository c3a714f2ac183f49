package io.customer360.loader.load;

import io.customer360.common.gold.ColumnType;
import io.customer360.common.gold.GoldContract;
import io.customer360.common.gold.LoadMode;
import io.customer360.common.gold.ModelContract;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * For end-to-end freshness ({@code c360.loader.freshness}): the column of each partition-replaced
 * gold model that holds the time its newest event happened. After a batch is applied, the newest
 * value in the replaced partitions, subtracted from the commit time, is how long that event took
 * from happening to being queryable in the warehouse.
 */
public final class EventTimeColumns {

  /** No model measured. */
  public static final EventTimeColumns NONE = new EventTimeColumns(Map.of());

  private final Map<String, String> byModel;

  private EventTimeColumns(Map<String, String> byModel) {
    this.byModel = Map.copyOf(byModel);
  }

  /**
   * Checks each entry against the contract.
   *
   * @throws IllegalStateException when a model is unknown or not partition-replaced, or its column
   *     is missing or not a {@code timestamptz}
   */
  public static EventTimeColumns of(GoldContract contract, Map<String, String> columns) {
    Map<String, String> checked = new TreeMap<>();
    columns.forEach(
        (modelName, column) -> {
          ModelContract model =
              contract
                  .model(modelName)
                  .orElseThrow(() -> invalid(modelName, column, "no such gold model"));
          if (model.load() != LoadMode.REPLACE_PARTITIONS) {
            throw invalid(modelName, column, "the model is not partition-replaced");
          }
          boolean timestamp =
              model
                  .column(column)
                  .map(c -> c.type().kind() == ColumnType.Kind.TIMESTAMPTZ)
                  .orElse(false);
          if (!timestamp) {
            throw invalid(modelName, column, "the model has no timestamptz column of that name");
          }
          checked.put(modelName, column);
        });
    return new EventTimeColumns(checked);
  }

  /** The event-time column of a model, if it is measured. */
  public Optional<String> column(String model) {
    return Optional.ofNullable(byModel.get(model));
  }

  /** The measured models. */
  public Set<String> models() {
    return byModel.keySet();
  }

  private static IllegalStateException invalid(String model, String column, String why) {
    return new IllegalStateException(
        "c360.warehouse-loader.event-time-columns." + model + "=" + column + ": " + why);
  }
}

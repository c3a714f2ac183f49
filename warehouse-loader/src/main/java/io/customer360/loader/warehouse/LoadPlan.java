package io.customer360.loader.warehouse;

import io.customer360.common.gold.LoadMode;
import java.util.List;

/**
 * How a staged batch of one gold model is applied to its warehouse table: the statements that run,
 * in order, inside the load's transaction. Running them twice for the same batch leaves the same
 * rows.
 */
public sealed interface LoadPlan permits ReplacePartitions, MergeByKey, CustomerHistory {

  /** The schema-qualified target table. */
  String table();

  /** The load mode of the gold contract this plan implements. */
  LoadMode mode();

  /** The statements applying the staged batch. */
  List<Sql> statements(LoadContext context);

  /**
   * Resources other than the model that the load must hold exclusively, such as {@code
   * dim_customer} for loads that read or write customer versions. Taken in this order, after the
   * model's own lock.
   */
  default List<String> sharedLocks() {
    return List.of();
  }

  /** The table name without its schema, as MERGE and UPDATE statements refer to the target. */
  default String unqualifiedTable() {
    return table().substring(table().indexOf('.') + 1);
  }
}

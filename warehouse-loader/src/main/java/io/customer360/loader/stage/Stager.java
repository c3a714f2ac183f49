package io.customer360.loader.stage;

import io.customer360.common.gold.ModelContract;
import io.customer360.common.pipeline.GoldReady;
import java.sql.Connection;

/**
 * Gets the rows of a gold batch into the warehouse inside the load's transaction: into a temporary
 * stage table for the load plan's SQL to apply, or, where the flavour can, straight into the
 * emptied partitions of a partition-replaced table.
 */
public interface Stager {

  /**
   * Creates {@code stageTable} (the model's columns, in contract order, with the contract's types)
   * and fills it with the batch's rows.
   *
   * @return rows staged
   * @throws io.customer360.loader.failure.LoadFailedException when a file breaks the contract
   * @throws io.customer360.loader.warehouse.WarehouseSqlException when the warehouse fails
   */
  long stage(Connection connection, ModelContract model, GoldReady batch, String stageTable);

  /**
   * Whether partition-replaced batches are copied straight into their table ({@link
   * #copyIntoPartitions}) instead of being staged and inserted by SQL.
   */
  default boolean copiesIntoPartitions() {
    return false;
  }

  /**
   * Copies the batch's rows of the partitions to replace into the plan's table, whose partitions
   * the caller emptied in the same transaction, computing the derived columns on the way. Checks
   * that every row of the batch lies in an announced partition.
   *
   * @return rows read from the batch, in every announced partition
   * @throws io.customer360.loader.failure.LoadFailedException when a file breaks the contract
   */
  default long copyIntoPartitions(
      Connection connection, ModelContract model, GoldReady batch, PartitionCopy copy) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " stages batches; it does not copy into partitions");
  }

  /** Column definitions of a stage table: {@code name TYPE [NOT NULL], …}. */
  static String columnDefinitions(ModelContract model) {
    return String.join(
        ", ",
        model.columns().stream()
            .map(c -> c.name() + " " + c.type().sql() + (c.required() ? " NOT NULL" : ""))
            .toList());
  }
}

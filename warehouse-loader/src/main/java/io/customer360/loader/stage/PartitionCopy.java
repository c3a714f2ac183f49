package io.customer360.loader.stage;

import io.customer360.loader.warehouse.ReplacePartitions;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@link Stager#copyIntoPartitions} copies.
 *
 * @param plan the target table and its derived columns
 * @param partitionColumn the model's partition column
 * @param announced every partition the batch announces; a row outside them fails the load
 * @param replaced the partitions to copy (those no newer batch holds)
 * @param batchId written to {@code load_batch_id}
 */
public record PartitionCopy(
    ReplacePartitions plan,
    String partitionColumn,
    List<LocalDate> announced,
    List<LocalDate> replaced,
    String batchId) {

  public PartitionCopy {
    announced = List.copyOf(announced);
    replaced = List.copyOf(replaced);
  }
}

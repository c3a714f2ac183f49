package io.customer360.loader.warehouse;

import io.customer360.common.gold.ModelContract;
import java.time.LocalDate;
import java.util.List;

/**
 * What a {@link LoadPlan} needs to write its statements for one batch.
 *
 * @param model the gold model
 * @param stageTable the temporary table holding the staged batch, in contract column order
 * @param batchId the batch id, written to each row's {@code load_batch_id}
 * @param partitions the partitions to replace (partition-replaced models; empty otherwise)
 * @param flavour the warehouse flavour
 */
public record LoadContext(
    ModelContract model,
    String stageTable,
    String batchId,
    List<LocalDate> partitions,
    WarehouseFlavour flavour) {

  public LoadContext {
    partitions = List.copyOf(partitions);
  }
}

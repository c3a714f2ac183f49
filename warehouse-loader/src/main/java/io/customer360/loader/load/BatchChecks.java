package io.customer360.loader.load;

import io.customer360.common.gold.LoadMode;
import io.customer360.common.gold.ModelContract;
import io.customer360.common.pipeline.GoldReady;
import io.customer360.loader.failure.LoadFailedException;
import io.customer360.loader.warehouse.Sql;
import io.customer360.loader.warehouse.SqlLiterals;
import io.customer360.loader.warehouse.WarehouseFlavour;
import java.sql.Connection;

/**
 * Checks a batch against its announcement and the contract: the row count matches; and for a staged
 * batch, before anything is applied, every row lies in an announced partition and no key repeats
 * (where the warehouse does not enforce keys itself).
 */
final class BatchChecks {

  private final WarehouseFlavour flavour;

  BatchChecks(WarehouseFlavour flavour) {
    this.flavour = flavour;
  }

  /**
   * @throws LoadFailedException when the batch's files hold another number of rows than announced
   */
  static void rowCount(ModelContract model, GoldReady batch, long rowsRead) {
    if (rowsRead != batch.rowCount()) {
      throw LoadFailedException.permanent(
          "row_count_mismatch",
          model.name()
              + " batch "
              + batch.batchId()
              + " announces "
              + batch.rowCount()
              + " rows, its files hold "
              + rowsRead);
    }
  }

  /**
   * Checks a staged batch before it is applied.
   *
   * @param announced the announced partitions of a partition-replaced model, else {@code null}
   * @throws LoadFailedException naming the first check that fails
   */
  void stage(
      Connection connection,
      ModelContract model,
      GoldReady batch,
      String stageTable,
      long rowsStaged,
      BatchPartitions announced) {
    rowCount(model, batch, rowsStaged);
    if (announced != null) {
      long outside =
          Sql.of(
                  "SELECT COUNT(*) FROM "
                      + stageTable
                      + " WHERE "
                      + announced.column()
                      + " NOT IN "
                      + SqlLiterals.dates(announced.dates()))
              .queryForLong(connection);
      if (outside > 0) {
        throw LoadFailedException.permanent(
            "partition_mismatch",
            model.name()
                + " batch "
                + batch.batchId()
                + " has "
                + outside
                + " rows outside its announced partitions "
                + announced.specs());
      }
    }
    if (model.load() != LoadMode.REPLACE_PARTITIONS || !flavour.enforcesKeys()) {
      checkUniqueKeys(connection, model, batch, stageTable);
    }
  }

  private static void checkUniqueKeys(
      Connection connection, ModelContract model, GoldReady batch, String stageTable) {
    String key = String.join(", ", model.key());
    long repeated =
        Sql.of(
                "SELECT COUNT(*) FROM (SELECT "
                    + key
                    + " FROM "
                    + stageTable
                    + " GROUP BY "
                    + key
                    + " HAVING COUNT(*) > 1) repeated")
            .queryForLong(connection);
    if (repeated > 0) {
      throw LoadFailedException.permanent(
          "duplicate_key",
          model.name()
              + " batch "
              + batch.batchId()
              + " repeats "
              + repeated
              + " values of its key ("
              + key
              + ")");
    }
  }
}

package io.customer360.loader.warehouse;

import io.customer360.common.gold.DerivedColumn;
import io.customer360.common.gold.DerivedColumn.CustomerKeyAsOf;
import io.customer360.common.gold.DerivedColumn.DateKey;
import io.customer360.common.gold.LoadMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Replaces whole partitions: deletes the target's rows of the batch's partitions and inserts the
 * batch's rows of those partitions, with derived columns (date keys, the customer version) computed
 * on the way in.
 *
 * @param table the target table
 * @param derived warehouse-only columns, in table order after the gold columns
 */
public record ReplacePartitions(String table, List<DerivedColumn> derived) implements LoadPlan {

  /** The dimension whose surrogate keys {@link CustomerKeyAsOf} reads. */
  public static final String CUSTOMER_DIMENSION = "warehouse.dim_customer";

  public ReplacePartitions {
    derived = List.copyOf(derived);
  }

  @Override
  public LoadMode mode() {
    return LoadMode.REPLACE_PARTITIONS;
  }

  /** Reading customer versions, it must not run while a customers load changes them. */
  @Override
  public List<String> sharedLocks() {
    return readsCustomerVersions() ? List.of("dim_customer") : List.of();
  }

  /** Whether a derived column reads {@code dim_customer}. */
  public boolean readsCustomerVersions() {
    return derived.stream().anyMatch(CustomerKeyAsOf.class::isInstance);
  }

  /** The target columns the batch fills: gold columns, derived columns, {@code load_batch_id}. */
  public List<String> targetColumns(List<String> goldColumns) {
    List<String> columns = new ArrayList<>(goldColumns);
    derived.forEach(column -> columns.add(column.name()));
    columns.add("load_batch_id");
    return columns;
  }

  /** Deletes the rows of these partitions. */
  public Sql delete(String partitionColumn, List<LocalDate> partitions) {
    return Sql.of(
        "DELETE FROM "
            + table
            + " WHERE "
            + partitionColumn
            + " IN "
            + SqlLiterals.dates(partitions));
  }

  /** The newest value of a timestamp column in these partitions, once they are replaced. */
  public Sql newest(String column, String partitionColumn, List<LocalDate> partitions) {
    return Sql.of(
        "SELECT max("
            + column
            + ") FROM "
            + table
            + " WHERE "
            + partitionColumn
            + " IN "
            + SqlLiterals.dates(partitions));
  }

  @Override
  public List<Sql> statements(LoadContext context) {
    String partitionColumn =
        context
            .model()
            .partitionColumn()
            .orElseThrow(
                () -> new IllegalStateException(context.model().name() + " is not partitioned"));
    List<String> values =
        context.model().columnNames().stream().map(c -> "s." + c).collect(Collectors.toList());
    StringBuilder joins = new StringBuilder();
    for (DerivedColumn column : derived) {
      if (column instanceof DateKey key) {
        values.add("CAST(TO_CHAR(s." + key.dateColumn() + ", 'YYYYMMDD') AS INTEGER)");
      } else if (column instanceof CustomerKeyAsOf asOf) {
        values.add("c.customer_key");
        joins
            .append(" LEFT JOIN ")
            .append(CUSTOMER_DIMENSION)
            .append(" c ON c.customer_id = s.")
            .append(asOf.customerColumn())
            .append(" AND s.")
            .append(asOf.timeColumn())
            .append(" >= c.valid_from AND s.")
            .append(asOf.timeColumn())
            .append(" < c.valid_to");
      }
    }
    values.add(SqlLiterals.BATCH_ID);
    String insert =
        "INSERT INTO "
            + table
            + " ("
            + String.join(", ", targetColumns(context.model().columnNames()))
            + ") SELECT "
            + String.join(", ", values)
            + " FROM "
            + context.stageTable()
            + " s"
            + joins
            + " WHERE s."
            + partitionColumn
            + " IN "
            + SqlLiterals.dates(context.partitions());
    return List.of(
        delete(partitionColumn, context.partitions()), Sql.of(insert, context.batchId()));
  }
}

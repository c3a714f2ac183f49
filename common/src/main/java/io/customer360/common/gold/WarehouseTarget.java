package io.customer360.common.gold;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a gold model goes in the warehouse and what the load adds, as the contract's {@code
 * warehouse} block of the model declares it. Which fields apply follows the model's {@link
 * LoadMode}; the parser refuses the others.
 *
 * @param table the schema-qualified target table, e.g. {@code warehouse.fact_order_line}
 * @param derived replace_partitions: columns the load computes from the gold row (date keys, the
 *     customer version valid at the row's time)
 * @param mergeKey merge: the target's key, the model's key unless the contract names another (a
 *     versioned dimension keeps one row per id: {@code [product_id]} of key {@code [product_id,
 *     updated_at]})
 * @param versionColumn merge: the column ordering versions of a key, empty when rows are not
 *     versioned
 * @param columnMerges merge: how a column combines target and batch values; unlisted columns are
 *     overwritten
 * @param rekeys scd2: the fact table whose {@code customer_key} follows the dimension's versions
 */
public record WarehouseTarget(
    String table,
    List<DerivedColumn> derived,
    List<String> mergeKey,
    Optional<String> versionColumn,
    Map<String, ColumnMerge> columnMerges,
    Optional<String> rekeys) {

  public WarehouseTarget {
    derived = List.copyOf(derived);
    mergeKey = List.copyOf(mergeKey);
    columnMerges = Map.copyOf(columnMerges);
  }
}

package io.customer360.loader.warehouse;

import io.customer360.common.gold.LoadMode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Type-2 history of customers in {@code warehouse.dim_customer}. Each gold row is one version of a
 * customer, identified by {@code (customer_id, updated_at)}:
 *
 * <ol>
 *   <li>{@code MERGE} inserts versions not yet known (with a new surrogate key) and corrects known
 *       ones in place;
 *   <li>validity is recomputed from the version order of each customer in the batch: a version is
 *       valid from its {@code updated_at} (the first from 1900-01-01) until the next version's
 *       ({@code 9999-12-31} for the current one), so a zip change closes the old row and opens a
 *       new one, whatever order versions arrive in;
 *   <li>order lines of those customers are pointed at the version valid at their order time.
 * </ol>
 *
 * @param table the dimension table
 * @param factTable the fact whose {@code customer_key} follows the dimension
 */
public record CustomerHistory(String table, String factTable) implements LoadPlan {

  private static final String ORDER = "PARTITION BY customer_id ORDER BY source_updated_at";

  @Override
  public LoadMode mode() {
    return LoadMode.SCD2;
  }

  @Override
  public List<String> sharedLocks() {
    return List.of("dim_customer");
  }

  @Override
  public List<Sql> statements(LoadContext context) {
    return List.of(
        Sql.of(mergeVersions(context), context.batchId(), context.batchId()),
        Sql.of(recomputeValidity(context)),
        Sql.of(rekeyFacts(context)));
  }

  private String mergeVersions(LoadContext context) {
    String target = unqualifiedTable();
    List<String> attributes =
        context.model().columnNames().stream()
            .filter(c -> !c.equals("customer_id") && !c.equals("updated_at"))
            .toList();
    return "MERGE INTO "
        + table
        + " USING "
        + context.stageTable()
        + " s ON "
        + target
        + ".customer_id = s.customer_id AND "
        + target
        + ".source_updated_at = s.updated_at WHEN MATCHED THEN UPDATE SET "
        + attributes.stream().map(c -> c + " = s." + c).collect(Collectors.joining(", "))
        + ", load_batch_id = "
        + SqlLiterals.BATCH_ID
        + " WHEN NOT MATCHED THEN INSERT (customer_id, source_updated_at, valid_from, valid_to,"
        + " is_current, "
        + String.join(", ", attributes)
        + ", load_batch_id) VALUES (s.customer_id, s.updated_at, s.updated_at, "
        + SqlLiterals.END_OF_TIME
        + ", FALSE, "
        + attributes.stream().map(c -> "s." + c).collect(Collectors.joining(", "))
        + ", "
        + SqlLiterals.BATCH_ID
        + ")";
  }

  private String recomputeValidity(LoadContext context) {
    String target = unqualifiedTable();
    return "UPDATE "
        + table
        + " SET valid_from = v.new_valid_from, valid_to = v.new_valid_to,"
        + " is_current = v.new_is_current FROM (SELECT customer_key, CASE WHEN ROW_NUMBER() OVER ("
        + ORDER
        + ") = 1 THEN "
        + SqlLiterals.START_OF_TIME
        + " ELSE source_updated_at END AS new_valid_from, COALESCE(LEAD(source_updated_at) OVER ("
        + ORDER
        + "), "
        + SqlLiterals.END_OF_TIME
        + ") AS new_valid_to, LEAD(source_updated_at) OVER ("
        + ORDER
        + ") IS NULL AS new_is_current FROM "
        + table
        + " WHERE customer_id IN (SELECT customer_id FROM "
        + context.stageTable()
        + ")) v WHERE "
        + target
        + ".customer_key = v.customer_key AND ("
        + target
        + ".valid_from <> v.new_valid_from OR "
        + target
        + ".valid_to <> v.new_valid_to OR "
        + target
        + ".is_current <> v.new_is_current)";
  }

  private String rekeyFacts(LoadContext context) {
    String fact = factTable.substring(factTable.indexOf('.') + 1);
    return "UPDATE "
        + factTable
        + " SET customer_key = c.customer_key FROM "
        + table
        + " c WHERE "
        + fact
        + ".customer_id = c.customer_id AND "
        + fact
        + ".order_ts >= c.valid_from AND "
        + fact
        + ".order_ts < c.valid_to AND "
        + fact
        + ".customer_id IN (SELECT customer_id FROM "
        + context.stageTable()
        + ") AND ("
        + fact
        + ".customer_key IS NULL OR "
        + fact
        + ".customer_key <> c.customer_key)";
  }
}

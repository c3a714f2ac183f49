package io.customer360.transform.gold.model;

import java.util.List;
import java.util.Map;

/**
 * The data tests a gold model declares, run by {@link GoldBuild#test()} after the build.
 *
 * @param unique column lists whose combined values must not repeat
 * @param notNull columns that must never be null
 * @param acceptedValues per column, the only values allowed (nulls are left to {@code notNull})
 * @param relationships columns whose values must exist in another model or silver dataset
 * @param reconcile scalar queries that must return exactly the same value
 */
public record ModelTests(
    List<List<String>> unique,
    List<String> notNull,
    Map<String, List<String>> acceptedValues,
    List<Relationship> relationships,
    List<Reconciliation> reconcile) {

  public ModelTests {
    unique = unique.stream().map(List::copyOf).toList();
    notNull = List.copyOf(notNull);
    acceptedValues = Map.copyOf(acceptedValues);
    relationships = List.copyOf(relationships);
    reconcile = List.copyOf(reconcile);
  }

  /**
   * Referential integrity: every non-null {@code column} value occurs as {@code field} of {@code
   * to}.
   *
   * @param column column of this model
   * @param to {@code gold.<model>} or {@code silver.<dataset>}
   * @param field column of the target
   */
  public record Relationship(String column, String to, String field) {

    /** The relation the target is queried as: the model's table or the silver view. */
    public String relation() {
      return to.startsWith("silver.") ? "silver_" + to.substring(7) : to.substring(5);
    }
  }

  /**
   * Row-count or total reconciliation: two scalar queries whose results must be equal (SQL {@code
   * IS NOT DISTINCT FROM}).
   *
   * @param name what is reconciled, e.g. {@code revenue}
   * @param actual query over gold
   * @param expected query over silver (or upstream gold)
   */
  public record Reconciliation(String name, String actual, String expected) {}
}

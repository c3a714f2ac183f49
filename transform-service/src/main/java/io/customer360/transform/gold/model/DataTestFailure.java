package io.customer360.transform.gold.model;

/**
 * A data test that failed.
 *
 * @param model the gold model
 * @param test which test, e.g. {@code unique(order_line_id)}, {@code not_null(customer_id)}, {@code
 *     accepted_values(order_status)}, {@code relationships(product_id ->
 *     gold.products.product_id)}, {@code reconcile(revenue)}, {@code max_length(zip <= 10)} or
 *     {@code schema}
 * @param detail counts and a few examples
 */
public record DataTestFailure(String model, String test, String detail) {

  @Override
  public String toString() {
    return model + " " + test + ": " + detail;
  }
}

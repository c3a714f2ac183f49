package io.customer360.datagen.world;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One version of a catalogue product; a price change is a new version.
 *
 * @param index position in the catalogue, 0-based
 * @param id product id (SKU)
 * @param name display name
 * @param categoryIndex index into {@link Category#all()}
 * @param category category name
 * @param subcategory subcategory name
 * @param brand brand name
 * @param price list price in USD
 * @param cost unit cost in USD
 * @param active whether the product is sold
 * @param updatedAt when this version took effect
 */
public record Product(
    int index,
    String id,
    String name,
    int categoryIndex,
    String category,
    String subcategory,
    String brand,
    BigDecimal price,
    BigDecimal cost,
    boolean active,
    Instant updatedAt) {

  /** A new version with another price. */
  public Product repriced(BigDecimal newPrice, Instant when) {
    return new Product(
        index, id, name, categoryIndex, category, subcategory, brand, newPrice, cost, active, when);
  }
}

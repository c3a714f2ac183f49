package io.customer360.datagen.world;

import java.util.List;

/**
 * A product category and how the weather moves its demand.
 *
 * @param name category name as it appears in the data
 * @param subcategories subcategory names
 * @param rainBoost extra demand factor on rainy days
 * @param warmBoost extra demand factor per 10 °F above 60 °F (negative for cold-weather goods)
 */
public record Category(
    String name, List<String> subcategories, double rainBoost, double warmBoost) {

  /** The catalogue's categories, in a fixed order. */
  public static List<Category> all() {
    return List.of(
        new Category("garden", List.of("tools", "planters", "seeds"), -0.3, 0.25),
        new Category("kitchen", List.of("gadgets", "cookware", "storage"), 0.1, 0.0),
        new Category("outdoor", List.of("camping", "grills", "sports"), -0.4, 0.3),
        new Category("rainwear", List.of("umbrellas", "jackets", "boots"), 1.2, -0.05),
        new Category("electronics", List.of("audio", "chargers", "smart-home"), 0.15, 0.0),
        new Category("toys", List.of("puzzles", "building", "plush"), 0.2, 0.0),
        new Category("office", List.of("desk", "paper", "lighting"), 0.05, 0.0),
        new Category("winter", List.of("heaters", "gloves", "blankets"), 0.1, -0.35));
  }
}

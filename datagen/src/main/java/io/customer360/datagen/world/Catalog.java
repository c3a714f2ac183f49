package io.customer360.datagen.world;

import io.customer360.datagen.random.Draw;
import io.customer360.datagen.random.Seeds;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** The product catalogue: widgets in categories whose prices change over time. */
public final class Catalog {

  private static final String[] ADJECTIVES =
      "Blue,Red,Compact,Deluxe,Classic,Smart,Eco,Ultra,Mini,Pro".split(",");
  private static final String[] BRANDS = "Acme,Globex,Initech,Umbrella,Hooli,Vandelay".split(",");
  private static final double DAILY_REPRICE_SHARE = 0.02;

  private final Seeds seeds;
  private final List<Category> categories = Category.all();
  private final Product[] products;
  private final List<List<Product>> byCategory = new ArrayList<>();

  public Catalog(Seeds seeds, int size, LocalDate startDate) {
    this.seeds = seeds;
    this.products = new Product[size];
    Instant effective = startDate.atStartOfDay().toInstant(ZoneOffset.UTC);
    for (int i = 0; i < size; i++) {
      products[i] = create(i, effective);
    }
    for (int c = 0; c < categories.size(); c++) {
      byCategory.add(new ArrayList<>());
    }
    for (Product p : products) {
      byCategory.get(p.categoryIndex()).add(p);
    }
  }

  private Product create(int index, Instant effective) {
    SplittableRandom rng = seeds.stream("product", index);
    int cat = index % categories.size();
    Category category = categories.get(cat);
    String sub = Draw.pick(rng, category.subcategories());
    String name =
        Draw.pick(rng, ADJECTIVES)
            + " "
            + capitalize(category.name())
            + " Widget "
            + (100 + rng.nextInt(900));
    BigDecimal price = money(4.99 + Math.exp(2.0 + 1.1 * rng.nextDouble() * 2.5));
    BigDecimal cost =
        price
            .multiply(BigDecimal.valueOf(0.45 + 0.2 * rng.nextDouble()))
            .setScale(2, RoundingMode.HALF_UP);
    String id = String.format(Locale.ROOT, "P%05d", index + 1);
    return new Product(
        index,
        id,
        name,
        cat,
        category.name(),
        sub,
        Draw.pick(rng, BRANDS),
        price,
        cost,
        true,
        effective);
  }

  /** Every product in its current version, by index. */
  public List<Product> products() {
    return List.of(products);
  }

  /** The current version of a product. */
  public Product get(int index) {
    return products[index];
  }

  /** Number of products. */
  public int size() {
    return products.length;
  }

  /** The categories, by index. */
  public List<Category> categories() {
    return categories;
  }

  /** Current versions of the products of one category. */
  public List<Product> inCategory(int categoryIndex) {
    return byCategory.get(categoryIndex);
  }

  /**
   * Applies the day's price changes (about 2% of products, ±5–20%) and returns the new versions in
   * catalogue order.
   */
  public List<Product> reprice(int dayIndex, LocalDate date) {
    SplittableRandom rng = seeds.stream("reprice", dayIndex);
    Instant dayStart = date.atStartOfDay().toInstant(ZoneOffset.UTC);
    List<Product> changed = new ArrayList<>();
    for (int i = 0; i < products.length; i++) {
      if (rng.nextDouble() >= DAILY_REPRICE_SHARE) {
        continue;
      }
      double factor = 1.0 + (rng.nextBoolean() ? 1 : -1) * (0.05 + 0.15 * rng.nextDouble());
      Instant when = dayStart.plusSeconds(6 * 3600 + rng.nextInt(12 * 3600));
      Product next = products[i].repriced(money(products[i].price().doubleValue() * factor), when);
      products[i] = next;
      byCategory.get(next.categoryIndex()).set(indexInCategory(next), next);
      changed.add(next);
    }
    return changed;
  }

  private int indexInCategory(Product product) {
    return product.index() / categories.size();
  }

  private static BigDecimal money(double value) {
    return BigDecimal.valueOf(Math.max(0.99, value)).setScale(2, RoundingMode.HALF_UP);
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}

package io.customer360.datagen.session;

import io.customer360.datagen.commerce.OrderFactory;
import io.customer360.datagen.random.Draw;
import io.customer360.datagen.world.Campaign;
import io.customer360.datagen.world.Category;
import io.customer360.datagen.world.Customer;
import io.customer360.datagen.world.Product;
import io.customer360.datagen.world.ZipAreas;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plays one browsing session: an entry (ad click or page view), product views and searches whose
 * categories follow the visitor's taste, the weather and the campaigns, cart changes, and for
 * customers possibly a checkout with coupon redemption and purchase.
 */
public final class SessionSimulator {

  private static final String SHOP = "https://shop.example.com";
  private static final int MAX_VIEWS = 12;
  private static final String[] ORGANIC = {
    null, null, "https://www.google.com/", "https://www.bing.com/", "https://duckduckgo.com/"
  };

  /** Plays a session of this visitor ({@code customer} null when anonymous) from {@code start}. */
  public SessionOutcome run(
      Customer customer, Visitor visitor, Instant start, SessionContext ctx, SplittableRandom rng) {
    SessionBuilder s = new SessionBuilder(visitor, "s-" + Draw.hex(rng, 20), start, rng);
    Campaign campaign = entry(customer, s, ctx, rng);
    List<OrderFactory.CartLine> cart = browse(customer, s, ctx, campaign, rng);
    if (customer == null || cart.isEmpty()) {
      return new SessionOutcome(s.events(), null);
    }
    Campaign coupon = coupon(customer, campaign, ctx, rng);
    double buy =
        customer.traits().buyPropensity()
            * (coupon == null ? 1.0 : 1.0 + 0.8 * customer.traits().priceSensitivity());
    if (!Draw.chance(rng, Math.min(0.95, buy))) {
      return new SessionOutcome(s.events(), null);
    }
    return new SessionOutcome(s.events(), checkout(customer, s, ctx, coupon, cart, rng));
  }

  private static Campaign entry(
      Customer customer, SessionBuilder s, SessionContext ctx, SplittableRandom rng) {
    double affinity = customer == null ? 0.1 : customer.traits().adAffinity();
    if (!ctx.running().isEmpty() && Draw.chance(rng, 0.6 * affinity)) {
      Campaign c = Draw.pick(rng, ctx.running());
      ClickEvent.Utm utm =
          new ClickEvent.Utm(
              c.utmSource(),
              c.utmMedium(),
              c.utmCampaign(),
              "banner-" + (1 + rng.nextInt(3)),
              ctx.catalog().categories().get(c.categoryIndex()).name());
      s.add(
          "ad_click", "/lp/" + c.utmCampaign(), referrerOf(c), e -> e.utm(utm).campaignId(c.id()));
      return c;
    }
    s.add("page_view", "/", Draw.pick(rng, ORGANIC), e -> {});
    return null;
  }

  private static List<OrderFactory.CartLine> browse(
      Customer customer,
      SessionBuilder s,
      SessionContext ctx,
      Campaign campaign,
      SplittableRandom rng) {
    double engagement = customer == null ? 0.6 : customer.traits().engagement();
    int views = Math.min(MAX_VIEWS, 1 + Draw.poisson(rng, 2.0 * Math.min(engagement, 3.0)));
    List<OrderFactory.CartLine> cart = new ArrayList<>();
    for (int i = 0; i < views; i++) {
      int category = category(customer, ctx, campaign, rng);
      String categoryName = ctx.catalog().categories().get(category).name();
      if (Draw.chance(rng, 0.3)) {
        String query = categoryName + " widget";
        s.add(
            "search",
            "/search?q=" + query.replace(' ', '+'),
            SHOP + s.lastPage(),
            e -> e.searchQuery(query));
      }
      Product p = Draw.pick(rng, ctx.catalog().inCategory(category));
      s.add("product_view", "/products/" + p.id(), SHOP + s.lastPage(), e -> e.product(p, null));
      if (Draw.chance(rng, 0.35)) {
        int qty = rng.nextInt(10) < 8 ? 1 : 2 + rng.nextInt(2);
        s.add("add_to_cart", "/cart", SHOP + s.lastPage(), e -> e.product(p, qty));
        cart.add(new OrderFactory.CartLine(p, qty));
      }
    }
    if (cart.size() > 1 && Draw.chance(rng, 0.15)) {
      OrderFactory.CartLine removed = cart.remove(cart.size() - 1);
      s.add(
          "remove_from_cart",
          "/cart",
          SHOP + s.lastPage(),
          e -> e.product(removed.product(), removed.quantity()));
    }
    return cart;
  }

  private static int category(
      Customer customer, SessionContext ctx, Campaign campaign, SplittableRandom rng) {
    if (customer != null && Draw.chance(rng, 0.35)) {
      return customer.traits().favoriteCategory();
    }
    if (campaign != null && Draw.chance(rng, 0.4)) {
      return campaign.categoryIndex();
    }
    List<Category> categories = ctx.catalog().categories();
    double[] weights = new double[categories.size()];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      Category c = categories.get(i);
      double w =
          1.0
              + (ctx.weather().wet() ? c.rainBoost() : 0)
              + c.warmBoost() * (ctx.weather().tempMaxF() - 60) / 10;
      weights[i] = Math.max(0.1, w);
      total += weights[i];
    }
    double u = rng.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private static Campaign coupon(
      Customer customer, Campaign clicked, SessionContext ctx, SplittableRandom rng) {
    if (clicked != null && Draw.chance(rng, 0.7)) {
      return clicked;
    }
    if (!ctx.running().isEmpty()
        && customer.marketingOptIn()
        && Draw.chance(rng, 0.25 * customer.traits().priceSensitivity())) {
      return Draw.pick(rng, ctx.running());
    }
    return null;
  }

  private static OrderFactory.Placed checkout(
      Customer customer,
      SessionBuilder s,
      SessionContext ctx,
      Campaign coupon,
      List<OrderFactory.CartLine> cart,
      SplittableRandom rng) {
    String orderId = ctx.orderIds().get();
    s.add("checkout", "/checkout", SHOP + "/cart", e -> e.orderId(orderId));
    Instant placedAt = s.lastTime();
    String shipZip =
        Draw.chance(rng, 0.9) ? customer.area().zip() : Draw.pick(rng, ZipAreas.all()).zip();
    OrderFactory.Placed placed =
        OrderFactory.place(
            orderId, customer, placedAt, s.visitor().device(), coupon, shipZip, cart, rng);
    if (coupon != null) {
      s.add(
          "coupon_redeem",
          "/checkout",
          SHOP + "/checkout",
          e -> e.orderId(orderId).couponCode(coupon.couponCode()).campaignId(coupon.id()));
    }
    String confirmation = "/orders/" + orderId + "/confirmation";
    for (OrderFactory.CartLine line : cart) {
      s.add(
          "purchase",
          confirmation,
          SHOP + "/checkout",
          e ->
              e.product(line.product(), line.quantity())
                  .orderId(orderId)
                  .couponCode(coupon == null ? null : coupon.couponCode()));
    }
    return placed;
  }

  private static String referrerOf(Campaign c) {
    return switch (c.utmSource()) {
      case "google" -> "https://www.google.com/";
      case "facebook" -> "https://www.facebook.com/";
      case "instagram" -> "https://www.instagram.com/";
      default -> "https://mail.example.com/";
    };
  }
}

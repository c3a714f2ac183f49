package io.customer360.datagen.commerce;

import io.customer360.datagen.random.Draw;
import io.customer360.datagen.world.Campaign;
import io.customer360.datagen.world.Customer;
import io.customer360.datagen.world.Product;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Prices an order, decides its status history (about 4% are cancelled) and which of its lines will
 * come back as returns.
 */
public final class OrderFactory {

  static final BigDecimal TAX_RATE = new BigDecimal("0.07");
  static final BigDecimal FREE_SHIPPING_FROM = new BigDecimal("50.00");
  static final BigDecimal SHIPPING = new BigDecimal("5.99");
  private static final double CANCEL_RATE = 0.04;
  private static final String[] REASONS = {
    "damaged", "wrong_item", "not_as_described", "changed_mind", "changed_mind", "too_late", "other"
  };

  /** A product and quantity in a cart. */
  public record CartLine(Product product, int quantity) {}

  /** An order and the returns it will see. */
  public record Placed(Order order, List<ReturnItem> returns) {}

  private OrderFactory() {}

  /** Places an order for the cart. */
  public static Placed place(
      String orderId,
      Customer customer,
      Instant at,
      String channel,
      Campaign coupon,
      String shipZip,
      List<CartLine> cart,
      SplittableRandom rng) {
    BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
    for (CartLine line : cart) {
      subtotal = subtotal.add(line.product().price().multiply(BigDecimal.valueOf(line.quantity())));
    }
    BigDecimal discount =
        coupon == null
            ? BigDecimal.ZERO.setScale(2)
            : subtotal
                .multiply(coupon.discountPercent())
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    List<OrderLine> lines = lines(orderId, cart, subtotal, discount, at);
    BigDecimal net = subtotal.subtract(discount);
    BigDecimal shipping =
        net.compareTo(FREE_SHIPPING_FROM) >= 0 ? BigDecimal.ZERO.setScale(2) : SHIPPING;
    BigDecimal tax = net.multiply(TAX_RATE).setScale(2, RoundingMode.HALF_UP);
    List<StatusChange> history = history(at, rng);
    Order order =
        new Order(
            orderId,
            customer.index(),
            customer.id(),
            at,
            channel,
            coupon == null ? null : coupon.couponCode(),
            coupon == null ? null : coupon.id(),
            lines,
            subtotal,
            discount,
            shipping,
            tax,
            net.add(shipping).add(tax),
            shipZip,
            history);
    return new Placed(order, returns(order, customer, rng));
  }

  /** Splits the discount over the lines in proportion to their amounts; the last takes the rest. */
  private static List<OrderLine> lines(
      String orderId, List<CartLine> cart, BigDecimal subtotal, BigDecimal discount, Instant at) {
    List<OrderLine> lines = new ArrayList<>(cart.size());
    BigDecimal allocated = BigDecimal.ZERO.setScale(2);
    for (int i = 0; i < cart.size(); i++) {
      CartLine c = cart.get(i);
      BigDecimal amount = c.product().price().multiply(BigDecimal.valueOf(c.quantity()));
      BigDecimal share =
          i == cart.size() - 1
              ? discount.subtract(allocated)
              : discount.multiply(amount).divide(subtotal, 2, RoundingMode.HALF_UP);
      allocated = allocated.add(share);
      lines.add(
          new OrderLine(
              orderId + "-" + (i + 1),
              orderId,
              c.product().id(),
              c.product().category(),
              c.quantity(),
              c.product().price(),
              share,
              at));
    }
    return lines;
  }

  private static List<StatusChange> history(Instant placed, SplittableRandom rng) {
    List<StatusChange> history = new ArrayList<>();
    history.add(new StatusChange("placed", placed));
    Instant paid = placed.plusSeconds(60 + rng.nextInt(20 * 60));
    if (Draw.chance(rng, CANCEL_RATE)) {
      if (rng.nextBoolean()) {
        history.add(new StatusChange("paid", paid));
      }
      history.add(new StatusChange("cancelled", paid.plusSeconds(1200 + rng.nextInt(30 * 3600))));
      return history;
    }
    Instant shipped = paid.plusSeconds(12 * 3600 + rng.nextInt(36 * 3600));
    Instant delivered = shipped.plusSeconds(24 * 3600 + rng.nextInt(3 * 24 * 3600));
    history.add(new StatusChange("paid", paid));
    history.add(new StatusChange("shipped", shipped));
    history.add(new StatusChange("delivered", delivered));
    return history;
  }

  private static List<ReturnItem> returns(Order order, Customer customer, SplittableRandom rng) {
    Instant delivered = order.deliveredAt();
    if (delivered == null) {
      return List.of();
    }
    List<ReturnItem> returns = new ArrayList<>();
    for (OrderLine line : order.lines()) {
      if (!Draw.chance(rng, customer.traits().returnPropensity())) {
        continue;
      }
      int quantity = 1 + rng.nextInt(line.quantity());
      BigDecimal netUnit =
          line.netAmount().divide(BigDecimal.valueOf(line.quantity()), 2, RoundingMode.HALF_UP);
      Instant at = delivered.plus(Duration.ofSeconds(86_400L + rng.nextInt(13 * 86_400)));
      returns.add(
          new ReturnItem(
              "R" + line.itemId().substring(1),
              customer.index(),
              order.id(),
              line.itemId(),
              line.productId(),
              quantity,
              at,
              Draw.pick(rng, REASONS),
              netUnit.multiply(BigDecimal.valueOf(quantity))));
    }
    return returns;
  }
}

package io.customer360.datagen.truth;

import io.customer360.datagen.commerce.Order;
import io.customer360.datagen.commerce.OrderLine;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sales per order date (UTC), product category and ship zip over the final state of the orders as
 * the emitted DMS data leaves them: an order counts unless its last emitted status is cancelled.
 * Revenue is Σ(quantity × unit price − line discount), net of coupons and before shipping and tax;
 * returns are not subtracted.
 */
public final class SalesTotals {

  private final Map<String, Totals> groups = new TreeMap<>();

  private static final class Totals {
    long orders;
    long units;
    BigDecimal revenue = BigDecimal.ZERO.setScale(2);
    long couponOrders;
    BigDecimal couponDiscount = BigDecimal.ZERO.setScale(2);
  }

  /** Counts a placed order ({@code sign} +1) or takes back a cancelled one (−1). */
  public void add(Order order, int sign) {
    LocalDate date = LocalDate.ofInstant(order.orderTs(), ZoneOffset.UTC);
    Map<String, Boolean> seen = new TreeMap<>();
    for (OrderLine line : order.lines()) {
      String key = date + "," + line.category() + "," + order.shipZip();
      Totals t = groups.computeIfAbsent(key, k -> new Totals());
      if (seen.put(key, Boolean.TRUE) == null) {
        t.orders += sign;
        t.couponOrders += order.couponCode() == null ? 0 : sign;
      }
      BigDecimal s = BigDecimal.valueOf(sign);
      t.units += (long) sign * line.quantity();
      t.revenue = t.revenue.add(line.netAmount().multiply(s));
      t.couponDiscount = t.couponDiscount.add(line.discount().multiply(s));
    }
  }

  /** The totals as CSV, sorted by date, category and zip; empty groups left out. */
  public byte[] csv() {
    StringBuilder out =
        new StringBuilder(
            "order_date,category,zip,orders,units,revenue,coupon_orders,coupon_discount\n");
    groups.forEach(
        (key, t) -> {
          if (t.orders != 0) {
            out.append(key)
                .append(',')
                .append(t.orders)
                .append(',')
                .append(t.units)
                .append(',')
                .append(t.revenue.toPlainString())
                .append(',')
                .append(t.couponOrders)
                .append(',')
                .append(t.couponDiscount.toPlainString())
                .append('\n');
          }
        });
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}

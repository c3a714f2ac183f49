package io.customer360.datagen.format;

import io.customer360.datagen.commerce.ReturnItem;
import io.customer360.datagen.support.TicketUpdate;
import io.customer360.datagen.weather.DailyWeather;
import io.customer360.datagen.world.Product;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Rows of the simpler batch datasets: products, returns, weather and support tickets. */
public final class BatchFormats {

  /** Products CSV header. */
  public static final List<String> PRODUCT_HEADER =
      List.of(
          "product_id",
          "name",
          "category",
          "subcategory",
          "brand",
          "price",
          "cost",
          "active",
          "updated_at");

  /** Returns CSV header. */
  public static final List<String> RETURN_HEADER =
      List.of(
          "return_id",
          "order_id",
          "order_item_id",
          "product_id",
          "quantity",
          "returned_at",
          "reason",
          "refund_amount");

  /** Weather CSV header. */
  public static final List<String> WEATHER_HEADER =
      List.of(
          "zip",
          "weather_date",
          "kind",
          "issued_date",
          "temp_max_f",
          "temp_min_f",
          "precipitation_in",
          "condition");

  private BatchFormats() {}

  /** A products row. */
  public static List<String> product(Product p) {
    return List.of(
        p.id(),
        p.name(),
        p.category(),
        p.subcategory(),
        p.brand(),
        p.price().toPlainString(),
        p.cost().toPlainString(),
        Boolean.toString(p.active()),
        Timestamps.SPACE_SECONDS.format(p.updatedAt()));
  }

  /** A returns row. */
  public static List<String> returned(ReturnItem r) {
    return List.of(
        r.returnId(),
        r.orderId(),
        r.orderItemId(),
        r.productId(),
        Integer.toString(r.quantity()),
        Timestamps.iso(r.returnedAt()),
        r.reason(),
        r.refundAmount().toPlainString());
  }

  /** A weather row. */
  public static List<String> weather(DailyWeather w) {
    return List.of(
        w.zip(),
        w.date().toString(),
        w.kind(),
        w.issued().toString(),
        String.format(Locale.ROOT, "%.1f", w.tempMaxF()),
        String.format(Locale.ROOT, "%.1f", w.tempMinF()),
        String.format(Locale.ROOT, "%.2f", w.precipitationIn()),
        w.condition());
  }

  /** A support ticket version as one JSON line. */
  public static String ticket(TicketUpdate u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ticket_id", u.ticket().id());
    m.put("customer_id", u.ticket().customerId());
    m.put("customer_email", u.ticket().customerEmail());
    m.put("created_at", Timestamps.iso(u.ticket().createdAt()));
    m.put("updated_at", Timestamps.iso(u.updatedAt()));
    m.put("channel", u.ticket().channel());
    m.put("category", u.ticket().category());
    m.put("priority", u.ticket().priority());
    m.put("status", u.status());
    if (u.resolvedAt() != null) {
      m.put("resolved_at", Timestamps.iso(u.resolvedAt()));
    }
    if (u.satisfaction() != null) {
      m.put("satisfaction", u.satisfaction());
    }
    m.put("subject", u.ticket().subject());
    return Json.write(m);
  }
}

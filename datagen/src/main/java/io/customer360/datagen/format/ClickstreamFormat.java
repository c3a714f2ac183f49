package io.customer360.datagen.format;

import io.customer360.datagen.session.ClickEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders clickstream events as the contract's JSON: snake_case names, absent fields omitted.
 * Mobile apps (ios) send {@code yyyy-MM-dd HH:mm:ss.SSS} UTC times, the others ISO-8601.
 */
public final class ClickstreamFormat {

  private ClickstreamFormat() {}

  /** The event's fields in contract order. */
  public static Map<String, Object> fields(ClickEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event_id", e.eventId());
    m.put("event_type", e.eventType());
    m.put("anonymous_id", e.visitor().anonymousId());
    put(m, "customer_id", e.visitor().customerId());
    m.put("session_id", e.sessionId());
    m.put(
        "occurred_at",
        "ios".equals(e.visitor().device())
            ? Timestamps.SPACE_MILLIS.format(e.occurredAt())
            : Timestamps.iso(e.occurredAt()));
    put(m, "page", e.page());
    put(m, "referrer", e.referrer());
    if (e.utm() != null) {
      m.put("utm_source", e.utm().source());
      m.put("utm_medium", e.utm().medium());
      m.put("utm_campaign", e.utm().campaign());
      put(m, "utm_content", e.utm().content());
      put(m, "utm_term", e.utm().term());
    }
    put(m, "search_query", e.searchQuery());
    put(m, "product_id", e.productId());
    put(m, "category", e.category());
    put(m, "price", e.price());
    put(m, "quantity", e.quantity());
    put(m, "order_id", e.orderId());
    put(m, "coupon_code", e.couponCode());
    put(m, "campaign_id", e.campaignId());
    m.put("zip", e.visitor().zip());
    m.put("device", e.visitor().device());
    m.put("user_agent", e.visitor().userAgent());
    m.put("ip", e.visitor().ip());
    return m;
  }

  /** The event as one JSON object. */
  public static String json(ClickEvent e) {
    return Json.write(fields(e));
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}

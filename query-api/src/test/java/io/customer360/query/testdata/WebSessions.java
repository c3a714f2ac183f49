package io.customer360.query.testdata;

import io.customer360.query.testdata.DatagenOutput.Event;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Sessions of the clickstream, grouped by the client's session id: time on site, products viewed
 * and purchased, entry campaign. Stands in for the gold {@code web_sessions} model.
 */
public final class WebSessions {

  /** One session. */
  public record Session(
      String sessionId,
      String deviceId,
      String customerId,
      String device,
      Instant start,
      Instant end,
      int pageViews,
      int events,
      int productsViewed,
      int productsPurchased,
      int orders,
      BigDecimal revenue,
      String entryCampaignId,
      String entryUtmSource,
      String entryReferrer,
      String zip) {

    public LocalDate date() {
      return start.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    public int durationSeconds() {
      return (int) Duration.between(start, end).getSeconds();
    }

    public boolean converted() {
      return orders > 0;
    }
  }

  private WebSessions() {}

  /** Sessions of {@code events} (sorted by time), in order of first event. */
  public static List<Session> of(List<Event> events) {
    Map<String, List<Event>> bySession = new LinkedHashMap<>();
    for (Event e : events) {
      bySession.computeIfAbsent(e.sessionId(), k -> new ArrayList<>()).add(e);
    }
    List<Session> sessions = new ArrayList<>();
    bySession.forEach((id, list) -> sessions.add(session(id, list)));
    return sessions;
  }

  private static Session session(String id, List<Event> events) {
    Event first = events.get(0);
    Set<String> viewed = new HashSet<>();
    Set<String> purchased = new HashSet<>();
    Set<String> orders = new HashSet<>();
    BigDecimal revenue = BigDecimal.ZERO;
    int pageViews = 0;
    for (Event e : events) {
      switch (e.type()) {
        case "page_view" -> pageViews++;
        case "product_view" -> {
          pageViews++;
          viewed.add(e.productId());
        }
        case "purchase" -> {
          purchased.add(e.productId());
          orders.add(e.orderId());
          revenue = revenue.add(e.price().multiply(BigDecimal.valueOf(e.quantity())));
        }
        default -> {}
      }
    }
    return new Session(
        id,
        Objects.requireNonNullElse(first.deviceId(), id),
        events.stream().map(Event::customerId).filter(Objects::nonNull).findFirst().orElse(null),
        first.device(),
        first.at(),
        events.get(events.size() - 1).at(),
        pageViews,
        events.size(),
        viewed.size(),
        purchased.size(),
        orders.size(),
        revenue,
        first.campaignId(),
        first.utmSource(),
        first.referrer(),
        first.zip());
  }
}

package io.customer360.query.testdata;

import io.customer360.datagen.world.ZipArea;
import io.customer360.datagen.world.ZipAreas;
import io.customer360.query.testdata.DatagenOutput.Line;
import io.customer360.query.testdata.DatagenOutput.Return;
import io.customer360.query.testdata.DatagenOutput.SalesTruth;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Expected answers, computed in Java from the datagen ground truth ({@code _truth/sales_daily.csv})
 * or from the raw landing files and clickstream — never with the API's SQL.
 */
public final class Expected {

  /** Figures of one key in a period and its comparison period. */
  public record Comparison(BigDecimal revenue, BigDecimal previousRevenue, long orders) {}

  /** A customer's spend. */
  public record Spender(String customerId, BigDecimal spend, long orders, long units) {}

  /** A ranked returned product of a bucket. */
  public record RankedReturn(
      LocalDate bucket, int rank, String productId, long returns, long units) {}

  /** Engagement figures. */
  public record Engagement(long sessions, double avgDuration, long viewed, long purchased) {}

  /** Sessions and orders referred by a campaign. */
  public record Referral(long sessions, long orders) {}

  /** Activity of a state. */
  public record StateActivity(long sessions, long orders, BigDecimal revenue) {}

  private final DatagenOutput data;
  private final List<WebSessions.Session> sessions;
  private final Map<String, String> stateOfZip =
      ZipAreas.all().stream().collect(Collectors.toMap(ZipArea::zip, ZipArea::state));

  public Expected(TestWarehouse warehouse) {
    this.data = warehouse.data();
    this.sessions = warehouse.sessions();
  }

  /** Sales truth per zip (or zip|category), in the period and in the comparison period. */
  public Map<String, Comparison> salesByZip(
      LocalDate from, LocalDate to, LocalDate cmpFrom, LocalDate cmpTo, boolean byZipOnly) {
    Map<String, BigDecimal[]> sums = new TreeMap<>();
    Map<String, long[]> orders = new TreeMap<>();
    for (SalesTruth t : data.salesTruth) {
      String key = byZipOnly ? t.zip() : t.zip() + "|" + t.category();
      boolean now = within(t.date(), from, to);
      boolean before = within(t.date(), cmpFrom, cmpTo);
      if (!now && !before) {
        continue;
      }
      BigDecimal[] s =
          sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      if (now) {
        s[0] = s[0].add(t.revenue());
        orders.computeIfAbsent(key, k -> new long[1])[0] += t.orders();
      }
      if (before) {
        s[1] = s[1].add(t.revenue());
      }
    }
    Map<String, Comparison> result = new TreeMap<>();
    sums.forEach(
        (k, s) ->
            result.put(k, new Comparison(s[0], s[1], orders.getOrDefault(k, new long[1])[0])));
    return result;
  }

  /** Coupon redemptions (orders) and discount per category, from the sales truth. */
  public Map<String, Comparison> couponsByCategory(LocalDate from, LocalDate to) {
    Map<String, Long> redemptions = new TreeMap<>();
    Map<String, BigDecimal> discount = new TreeMap<>();
    for (SalesTruth t : data.salesTruth) {
      if (within(t.date(), from, to) && t.couponOrders() > 0) {
        redemptions.merge(t.category(), t.couponOrders(), Long::sum);
        discount.merge(t.category(), t.couponDiscount(), BigDecimal::add);
      }
    }
    Map<String, Comparison> result = new TreeMap<>();
    redemptions.forEach(
        (c, n) -> result.put(c, new Comparison(discount.get(c), BigDecimal.ZERO, n)));
    return result;
  }

  /** Customers by spend (desc, then id) over non-cancelled lines, optionally of one category. */
  public List<Spender> spenders(LocalDate from, LocalDate to, String category) {
    Map<String, BigDecimal> spend = new HashMap<>();
    Map<String, Set<String>> orders = new HashMap<>();
    Map<String, Long> units = new HashMap<>();
    for (Line l : lines(from, to)) {
      if (category != null && !category.equals(l.product().category())) {
        continue;
      }
      String c = l.order().customerId();
      spend.merge(c, l.net(), BigDecimal::add);
      orders.computeIfAbsent(c, k -> new HashSet<>()).add(l.order().id());
      units.merge(c, (long) l.quantity(), Long::sum);
    }
    return spend.entrySet().stream()
        .map(
            e ->
                new Spender(
                    e.getKey(), e.getValue(), orders.get(e.getKey()).size(), units.get(e.getKey())))
        .sorted(Comparator.comparing(Spender::spend).reversed().thenComparing(Spender::customerId))
        .toList();
  }

  /** The customer's spend per category over the period, highest first. */
  public List<Map.Entry<String, BigDecimal>> categorySpend(
      String customerId, LocalDate from, LocalDate to) {
    Map<String, BigDecimal> spend = new TreeMap<>();
    for (Line l : lines(from, to)) {
      if (l.order().customerId().equals(customerId)) {
        spend.merge(l.product().category(), l.net(), BigDecimal::add);
      }
    }
    return spend.entrySet().stream()
        .sorted(
            Map.Entry.<String, BigDecimal>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .toList();
  }

  /** Non-cancelled lines of a customer in the period. */
  public List<Line> customerLines(String customerId, LocalDate from, LocalDate to) {
    return lines(from, to).stream().filter(l -> l.order().customerId().equals(customerId)).toList();
  }

  /** The most returned products of each bucket, ranked as the API documents. */
  public List<RankedReturn> topReturns(LocalDate from, LocalDate to, String grain, int top) {
    Map<LocalDate, Map<String, long[]>> byBucket = new TreeMap<>();
    Map<LocalDate, Map<String, BigDecimal>> refunds = new TreeMap<>();
    for (Return r : data.returns) {
      if (!within(r.returnDate(), from, to)) {
        continue;
      }
      LocalDate bucket = bucketStart(r.returnDate(), grain);
      long[] f =
          byBucket
              .computeIfAbsent(bucket, k -> new TreeMap<>())
              .computeIfAbsent(r.productId(), k -> new long[2]);
      f[0]++;
      f[1] += r.quantity();
      refunds
          .computeIfAbsent(bucket, k -> new TreeMap<>())
          .merge(r.productId(), r.refund(), BigDecimal::add);
    }
    List<RankedReturn> ranked = new ArrayList<>();
    byBucket.forEach(
        (bucket, products) -> {
          List<String> order =
              products.keySet().stream()
                  .sorted(
                      Comparator.<String>comparingLong(p -> -products.get(p)[0])
                          .thenComparingLong(p -> -products.get(p)[1])
                          .thenComparing(p -> refunds.get(bucket).get(p), Comparator.reverseOrder())
                          .thenComparing(Function.identity()))
                  .toList();
          for (int i = 0; i < Math.min(top, order.size()); i++) {
            long[] f = products.get(order.get(i));
            ranked.add(new RankedReturn(bucket, i + 1, order.get(i), f[0], f[1]));
          }
        });
    return ranked;
  }

  /** Time on site and browse vs buy over the period, from the raw clickstream. */
  public Engagement engagement(LocalDate from, LocalDate to) {
    List<WebSessions.Session> in =
        sessions.stream().filter(s -> within(s.date(), from, to)).toList();
    return new Engagement(
        in.size(),
        in.stream().mapToInt(WebSessions.Session::durationSeconds).average().orElse(0),
        in.stream().mapToLong(WebSessions.Session::productsViewed).sum(),
        in.stream().mapToLong(WebSessions.Session::productsPurchased).sum());
  }

  /** Sessions and orders per entry campaign, from the raw clickstream. */
  public Map<String, Referral> referrals(LocalDate from, LocalDate to) {
    Map<String, long[]> sums = new TreeMap<>();
    for (WebSessions.Session s : sessions) {
      if (s.entryCampaignId() != null && within(s.date(), from, to)) {
        long[] f = sums.computeIfAbsent(s.entryCampaignId(), k -> new long[2]);
        f[0]++;
        f[1] += s.orders();
      }
    }
    Map<String, Referral> result = new LinkedHashMap<>();
    sums.forEach((k, f) -> result.put(k, new Referral(f[0], f[1])));
    return result;
  }

  /** Sessions (by visitor zip) and non-cancelled orders (by ship zip) per state. */
  public Map<String, StateActivity> activityByState(LocalDate from, LocalDate to) {
    Map<String, Long> sessionsByState = new TreeMap<>();
    for (WebSessions.Session s : sessions) {
      if (s.zip() != null && within(s.date(), from, to)) {
        sessionsByState.merge(stateOfZip.get(s.zip()), 1L, Long::sum);
      }
    }
    Map<String, Set<String>> orders = new TreeMap<>();
    Map<String, BigDecimal> revenue = new TreeMap<>();
    for (Line l : lines(from, to)) {
      if (l.order().shipZip() != null) {
        String state = stateOfZip.get(l.order().shipZip());
        orders
            .computeIfAbsent(state, k -> new HashSet<>())
            .add(l.order().orderDate() + "/" + l.order().id());
        revenue.merge(state, l.net(), BigDecimal::add);
      }
    }
    Set<String> states = new HashSet<>(sessionsByState.keySet());
    states.addAll(orders.keySet());
    Map<String, StateActivity> result = new TreeMap<>();
    for (String s : states) {
      result.put(
          s,
          new StateActivity(
              sessionsByState.getOrDefault(s, 0L),
              orders.getOrDefault(s, Set.of()).size(),
              revenue.getOrDefault(s, BigDecimal.ZERO)));
    }
    return result;
  }

  /** Orders placed per minute (any later status), in [from, until). */
  public Map<Instant, Long> purchasesPerMinute(Instant from, Instant until) {
    Map<Instant, Long> minutes = new TreeMap<>();
    for (DatagenOutput.Order o : data.orders.values()) {
      if (!o.orderTs().isBefore(from) && o.orderTs().isBefore(until)) {
        minutes.merge(o.orderTs().truncatedTo(ChronoUnit.MINUTES), 1L, Long::sum);
      }
    }
    return minutes;
  }

  /** First day of the bucket of {@code day}. */
  public static LocalDate bucketStart(LocalDate day, String grain) {
    return switch (grain) {
      case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case "month" -> day.withDayOfMonth(1);
      default -> day;
    };
  }

  private List<Line> lines(LocalDate from, LocalDate to) {
    return data.lines.stream()
        .filter(l -> !l.order().cancelled() && within(l.order().orderDate(), from, to))
        .toList();
  }

  private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
    return !day.isBefore(from) && !day.isAfter(to);
  }
}

package io.customer360.query.testdata;

import io.customer360.query.testdata.DatagenOutput.Customer;
import io.customer360.query.testdata.DatagenOutput.Line;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One day's customer features and RFM segments, computed from the datagen run: stand-ins for the
 * gold {@code customer_features} and {@code customer_segments} models, so the profile and segment
 * endpoints have rows to read. Datagen has no ground truth for segments; tests of those endpoints
 * check the API's aggregation of these rows.
 */
public record CustomerSnapshots(LocalDate date, List<Features> features, List<Segment> segments) {

  /** A customer's features on the snapshot day. */
  public record Features(
      String customerId,
      int tenureDays,
      Integer recencyDays,
      int ordersTotal,
      int unitsTotal,
      String unitsByCategoryJson,
      BigDecimal spendTotal,
      BigDecimal avgSpendPerOrder,
      BigDecimal avgSpendPerMonth,
      BigDecimal spend30d,
      BigDecimal spend90d,
      int orders30d,
      int orders90d,
      int couponsApplied,
      BigDecimal couponValueTotal,
      int returnsCount,
      Double returnRate,
      int sessions7d,
      int sessions30d,
      int sessions90d,
      Double browseToBuy7d,
      Double browseToBuy30d,
      Double browseToBuy90d) {}

  /** A customer's segment on the snapshot day. */
  public record Segment(
      String customerId,
      int recencyScore,
      int frequencyScore,
      int monetaryScore,
      String segment,
      BigDecimal ltvEstimate) {

    public String rfmCell() {
      return "" + recencyScore + frequencyScore + monetaryScore;
    }
  }

  /** Features and segments of every CRM customer as of the end of {@code day}. */
  static CustomerSnapshots of(
      DatagenOutput data, List<WebSessions.Session> sessions, LocalDate day) {
    Map<String, List<Line>> lines =
        data.lines.stream()
            .filter(l -> !l.order().cancelled() && !l.order().orderDate().isAfter(day))
            .collect(Collectors.groupingBy(l -> l.order().customerId()));
    Map<String, List<WebSessions.Session>> sessionsByCustomer =
        sessions.stream()
            .filter(s -> s.customerId() != null && !s.date().isAfter(day))
            .collect(Collectors.groupingBy(WebSessions.Session::customerId));
    Map<String, Integer> returns = new HashMap<>();
    Map<String, Integer> returnedUnits = new HashMap<>();
    data.returns.stream()
        .filter(r -> !r.returnDate().isAfter(day) && data.orders.containsKey(r.orderId()))
        .forEach(
            r -> {
              String customer = data.orders.get(r.orderId()).customerId();
              returns.merge(customer, 1, Integer::sum);
              returnedUnits.merge(customer, r.quantity(), Integer::sum);
            });
    List<Features> features = new ArrayList<>();
    List<Segment> segments = new ArrayList<>();
    for (Customer c : data.customers.values()) {
      Features f =
          features(
              c,
              lines.getOrDefault(c.id(), List.of()),
              sessionsByCustomer.getOrDefault(c.id(), List.of()),
              returns.getOrDefault(c.id(), 0),
              returnedUnits.getOrDefault(c.id(), 0),
              day);
      features.add(f);
      segments.add(segment(f));
    }
    return new CustomerSnapshots(day, features, segments);
  }

  private static Features features(
      Customer c,
      List<Line> lines,
      List<WebSessions.Session> sessions,
      int returns,
      int returnedUnits,
      LocalDate day) {
    Set<String> orders = new HashSet<>();
    Set<String> couponOrders = new HashSet<>();
    Map<String, Integer> unitsByCategory = new TreeMap<>();
    BigDecimal spend = BigDecimal.ZERO;
    BigDecimal coupons = BigDecimal.ZERO;
    int units = 0;
    LocalDate last = null;
    for (Line l : lines) {
      orders.add(l.order().id());
      if (l.order().couponCode() != null) {
        couponOrders.add(l.order().id());
      }
      unitsByCategory.merge(l.product().category(), l.quantity(), Integer::sum);
      spend = spend.add(l.net());
      coupons = coupons.add(l.discount());
      units += l.quantity();
      if (last == null || l.order().orderDate().isAfter(last)) {
        last = l.order().orderDate();
      }
    }
    LocalDate signup = c.signupDate() == null ? day : c.signupDate();
    int tenure = (int) ChronoUnit.DAYS.between(signup, day);
    long months = Math.max(1, tenure / 30);
    String json =
        unitsByCategory.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
            .collect(Collectors.joining(",", "{", "}"));
    return new Features(
        c.id(),
        tenure,
        last == null ? null : (int) ChronoUnit.DAYS.between(last, day),
        orders.size(),
        units,
        json,
        spend,
        orders.isEmpty()
            ? null
            : spend.divide(BigDecimal.valueOf(orders.size()), 2, RoundingMode.HALF_UP),
        spend.divide(BigDecimal.valueOf(months), 2, RoundingMode.HALF_UP),
        spendSince(lines, day.minusDays(29)),
        spendSince(lines, day.minusDays(89)),
        ordersSince(lines, day.minusDays(29)),
        ordersSince(lines, day.minusDays(89)),
        couponOrders.size(),
        coupons,
        returns,
        units == 0 ? null : (double) returnedUnits / units,
        sessionsSince(sessions, day.minusDays(6)),
        sessionsSince(sessions, day.minusDays(29)),
        sessionsSince(sessions, day.minusDays(89)),
        conversion(sessions, day.minusDays(6)),
        conversion(sessions, day.minusDays(29)),
        conversion(sessions, day.minusDays(89)));
  }

  private static Segment segment(Features f) {
    int r =
        f.recencyDays() == null
            ? 1
            : f.recencyDays() <= 30
                ? 5
                : f.recencyDays() <= 60
                    ? 4
                    : f.recencyDays() <= 120 ? 3 : f.recencyDays() <= 240 ? 2 : 1;
    int fr =
        f.ordersTotal() >= 20
            ? 5
            : f.ordersTotal() >= 10 ? 4 : f.ordersTotal() >= 5 ? 3 : f.ordersTotal() >= 2 ? 2 : 1;
    double s = f.spendTotal().doubleValue();
    int m = s >= 2000 ? 5 : s >= 1000 ? 4 : s >= 500 ? 3 : s >= 100 ? 2 : 1;
    String name;
    if (r >= 4 && fr >= 4) {
      name = "champions";
    } else if (fr >= 4) {
      name = "loyal";
    } else if (f.tenureDays() <= 90) {
      name = "new";
    } else if (r <= 2 && fr >= 3) {
      name = "at_risk";
    } else if (r <= 2) {
      name = "hibernating";
    } else {
      name = "potential";
    }
    return new Segment(
        f.customerId(), r, fr, m, name, f.avgSpendPerMonth().multiply(BigDecimal.valueOf(24)));
  }

  private static BigDecimal spendSince(List<Line> lines, LocalDate from) {
    return lines.stream()
        .filter(l -> !l.order().orderDate().isBefore(from))
        .map(Line::net)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static int ordersSince(List<Line> lines, LocalDate from) {
    return (int)
        lines.stream()
            .filter(l -> !l.order().orderDate().isBefore(from))
            .map(l -> l.order().id())
            .distinct()
            .count();
  }

  private static int sessionsSince(List<WebSessions.Session> sessions, LocalDate from) {
    return (int) sessions.stream().filter(s -> !s.date().isBefore(from)).count();
  }

  private static Double conversion(List<WebSessions.Session> sessions, LocalDate from) {
    List<WebSessions.Session> recent =
        sessions.stream().filter(s -> !s.date().isBefore(from)).toList();
    if (recent.isEmpty()) {
      return null;
    }
    return (double) recent.stream().filter(WebSessions.Session::converted).count() / recent.size();
  }
}

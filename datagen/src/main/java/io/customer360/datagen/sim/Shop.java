package io.customer360.datagen.sim;

import io.customer360.datagen.commerce.OrderFactory;
import io.customer360.datagen.format.WeblogFormat;
import io.customer360.datagen.random.Draw;
import io.customer360.datagen.random.Seeds;
import io.customer360.datagen.session.ClickEvent;
import io.customer360.datagen.session.SessionContext;
import io.customer360.datagen.session.SessionOutcome;
import io.customer360.datagen.session.SessionSimulator;
import io.customer360.datagen.session.Visitor;
import io.customer360.datagen.weather.DailyWeather;
import io.customer360.datagen.world.Campaign;
import io.customer360.datagen.world.Catalog;
import io.customer360.datagen.world.Customer;
import io.customer360.datagen.world.ZipArea;
import io.customer360.datagen.world.ZipAreas;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Plays a day of browsing: each active customer visits a Poisson number of times (driven by
 * engagement, weather, campaigns and the weekday), anonymous visitors browse, crawlers hit the web
 * servers. Events go to the stream emitter, orders to fulfilment.
 */
final class Shop {

  private static final double BASE_SESSIONS = 0.22;
  private static final double ANONYMOUS_SESSIONS_PER_CUSTOMER = 0.05;
  private static final double BOT_LINES_PER_WEB_LINE = 0.03;
  // Sessions start by 22:00 UTC: at most ~52 events 2 minutes apart keep them inside the day, so
  // an order's events, its DMS rows and its truth all fall on one day.
  private static final double[] HOUR_WEIGHTS = {
    1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 3, 3.5, 3.5, 4, 4.5, 4, 3.5, 3.5, 4, 4.5, 5, 6, 6.5, 5.5
  };
  private static final DateTimeFormatter COMPACT =
      DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

  private final Seeds seeds;
  private final Catalog catalog;
  private final StreamEmitter streams;
  private final Fulfilment fulfilment;
  private final SessionSimulator sessions = new SessionSimulator();
  private long eventsToday;
  private long customerRecordsToday;
  private Supplier<String> orderIds;
  private double dayFactor;

  Shop(Seeds seeds, Catalog catalog, StreamEmitter streams, Fulfilment fulfilment) {
    this.seeds = seeds;
    this.catalog = catalog;
    this.streams = streams;
    this.fulfilment = fulfilment;
  }

  /** Plays the day; returns the number of clickstream events generated. */
  long play(
      int dayIndex,
      LocalDate date,
      Customer[] customers,
      ChurnProcess churn,
      List<Campaign> running,
      Map<String, DailyWeather> weather) {
    eventsToday = 0;
    customerRecordsToday = 0;
    int[] orderCounter = {0};
    String prefix = "O" + date.format(COMPACT) + "-";
    orderIds = () -> prefix + String.format(Locale.ROOT, "%06d", ++orderCounter[0]);
    SplittableRandom faults = seeds.stream("stream-faults", dayIndex);
    Instant dayStart = date.atStartOfDay().toInstant(ZoneOffset.UTC);
    boolean weekend =
        date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    dayFactor = (weekend ? 1.15 : 1.0) * (running.isEmpty() ? 1.0 : 1.1);
    long webLines = 0;
    for (Customer c : customers) {
      if (churn.active(c.index(), date)) {
        SessionContext ctx =
            new SessionContext(catalog, running, weather.get(c.area().zip()), orderIds);
        SplittableRandom rng = seeds.stream("sessions", c.index(), dayIndex);
        int n = Draw.poisson(rng, sessionRate(c, ctx, dayFactor));
        webLines += customerSessions(c, ctx, n, () -> startTime(dayStart, rng), churn, faults, rng);
      }
    }
    customerRecordsToday = eventsToday + webLines;
    webLines += anonymous(dayIndex, dayStart, customers.length, running, weather, faults);
    bots(dayIndex, dayStart, webLines, faults);
    return eventsToday;
  }

  /**
   * Plays extra customer sessions starting evenly between {@code from} and {@code until}, {@code
   * intensity} times as many as the day's own: a live feed's busy shop. Call after {@link #play} of
   * the same day; returns the clickstream events generated.
   */
  long playLive(
      int dayIndex,
      Instant from,
      Instant until,
      double intensity,
      Customer[] customers,
      ChurnProcess churn,
      List<Campaign> running,
      Map<String, DailyWeather> weather) {
    long before = eventsToday;
    LocalDate date = LocalDate.ofInstant(from, ZoneOffset.UTC);
    SplittableRandom faults = seeds.stream("live-faults", dayIndex, from.getEpochSecond());
    double share = Duration.between(from, until).toMillis() / 86_400_000.0;
    long span = Duration.between(from, until).toMillis();
    for (Customer c : customers) {
      if (churn.active(c.index(), date)) {
        SessionContext ctx =
            new SessionContext(catalog, running, weather.get(c.area().zip()), orderIds);
        SplittableRandom rng = seeds.stream("live-sessions", c.index(), from.getEpochSecond());
        int n = Draw.poisson(rng, sessionRate(c, ctx, dayFactor) * intensity * share);
        Supplier<Instant> start = () -> from.plusMillis((long) (rng.nextDouble() * span));
        customerSessions(c, ctx, n, start, churn, faults, rng);
      }
    }
    return eventsToday - before;
  }

  /**
   * Stream records (clickstream events and their web-server lines) of the day's own customer
   * sessions.
   */
  long customerRecordsToday() {
    return customerRecordsToday;
  }

  private static double sessionRate(Customer c, SessionContext ctx, double dayFactor) {
    return BASE_SESSIONS * c.traits().engagement() * dayFactor * weatherFactor(ctx.weather());
  }

  /** Plays {@code n} sessions of a customer; returns the web-server lines they made. */
  private long customerSessions(
      Customer c,
      SessionContext ctx,
      int n,
      Supplier<Instant> startTimes,
      ChurnProcess churn,
      SplittableRandom faults,
      SplittableRandom rng) {
    String device = c.traits().device();
    Visitor visitor =
        new Visitor(
            c.id(),
            c.traits().anonymousId(),
            c.area().zip(),
            device,
            Visitor.userAgentFor(device),
            c.traits().ip());
    long webLines = 0;
    for (int s = 0; s < n; s++) {
      SessionOutcome outcome = sessions.run(c, visitor, startTimes.get(), ctx, rng);
      webLines += emit(outcome, faults, rng);
      outcome.order().ifPresent(p -> placed(p, churn));
    }
    return webLines;
  }

  private void placed(OrderFactory.Placed p, ChurnProcess churn) {
    fulfilment.place(p);
    churn
        .state(p.order().customerIndex())
        .ordered(p.order().subtotal().subtract(p.order().discount()).doubleValue());
  }

  private long anonymous(
      int dayIndex,
      Instant dayStart,
      int customers,
      List<Campaign> running,
      Map<String, DailyWeather> weather,
      SplittableRandom faults) {
    SplittableRandom rng = seeds.stream("anonymous", dayIndex);
    int n = Draw.poisson(rng, ANONYMOUS_SESSIONS_PER_CUSTOMER * customers);
    long webLines = 0;
    for (int i = 0; i < n; i++) {
      ZipArea area = Draw.pick(rng, ZipAreas.all());
      String device = Draw.pick(rng, new String[] {"web", "web", "ios", "android"});
      Visitor v =
          new Visitor(
              null,
              "anon-" + Draw.hex(rng, 16),
              area.zip(),
              device,
              Visitor.userAgentFor(device),
              "203.0.113." + (1 + rng.nextInt(254)));
      SessionContext ctx =
          new SessionContext(
              catalog,
              running,
              weather.get(area.zip()),
              () -> {
                throw new IllegalStateException("anonymous visitors cannot order");
              });
      webLines += emit(sessions.run(null, v, startTime(dayStart, rng), ctx, rng), faults, rng);
    }
    return webLines;
  }

  private void bots(int dayIndex, Instant dayStart, long webLines, SplittableRandom faults) {
    SplittableRandom rng = seeds.stream("bots", dayIndex);
    int n = Draw.poisson(rng, BOT_LINES_PER_WEB_LINE * webLines);
    for (int i = 0; i < n; i++) {
      Instant at = dayStart.plusMillis(rng.nextInt(86_400_000));
      String server = "web-" + (1 + rng.nextInt(WeblogFormat.SERVERS));
      streams.log(WeblogFormat.botRequest(at, server, rng), server, at, faults);
    }
  }

  /** Sends a session's events; web sessions also produce web-server log lines. */
  private long emit(SessionOutcome outcome, SplittableRandom faults, SplittableRandom rng) {
    long lines = 0;
    for (ClickEvent e : outcome.events()) {
      streams.click(e, faults);
      eventsToday++;
      if ("web".equals(e.visitor().device())) {
        streams.log(
            WeblogFormat.fromEvent(e, rng),
            WeblogFormat.server(e.sessionId()),
            e.occurredAt(),
            faults);
        lines++;
      }
    }
    return lines;
  }

  private static double weatherFactor(DailyWeather w) {
    double f = w.wet() ? 1.25 : 1.0;
    return w.tempMaxF() > 85 ? f * 0.85 : f;
  }

  private static Instant startTime(Instant dayStart, SplittableRandom rng) {
    double total = 0;
    for (double h : HOUR_WEIGHTS) {
      total += h;
    }
    double u = rng.nextDouble() * total;
    int hour = 0;
    while (hour < HOUR_WEIGHTS.length - 1 && (u -= HOUR_WEIGHTS[hour]) >= 0) {
      hour++;
    }
    return dayStart.plusSeconds(hour * 3600L + rng.nextInt(3600)).plusMillis(rng.nextInt(1000));
  }
}

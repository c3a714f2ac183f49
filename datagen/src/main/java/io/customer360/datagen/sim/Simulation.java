package io.customer360.datagen.sim;

import io.customer360.common.contract.ContractRegistry;
import io.customer360.datagen.DatagenConfig;
import io.customer360.datagen.commerce.ReturnItem;
import io.customer360.datagen.random.Seeds;
import io.customer360.datagen.sink.DataSink;
import io.customer360.datagen.truth.Counts;
import io.customer360.datagen.truth.SalesTotals;
import io.customer360.datagen.weather.DailyWeather;
import io.customer360.datagen.world.Campaign;
import io.customer360.datagen.world.Campaigns;
import io.customer360.datagen.world.Catalog;
import io.customer360.datagen.world.Customer;
import io.customer360.datagen.world.CustomerFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * One seeded run: builds the world, plays it day by day (memory stays proportional to customers and
 * products, not days), sends every output to a {@link DataSink} and finally writes the ground
 * truth.
 */
public final class Simulation {

  /**
   * A live day is generated and sent an hour at a time, so memory follows the hour, not the day.
   */
  private static final Duration LIVE_SLICE = Duration.ofHours(1);

  private final DatagenConfig config;
  private final DataSink sink;
  private final Outbox outbox;
  private final Counts counts = new Counts();
  private final SalesTotals sales = new SalesTotals();
  private final Catalog catalog;
  private final List<Campaign> campaigns;
  private final Customer[] customers;
  private final ChurnProcess churn;
  private final FileEmitter files;
  private final StreamEmitter streams;
  private final Fulfilment fulfilment;
  private final SupportDesk support;
  private final ReferenceData reference;
  private final Shop shop;

  public Simulation(DatagenConfig config, DataSink sink) {
    this.config = config;
    this.sink = sink;
    Seeds seeds = new Seeds(config.seed());
    ContractRegistry contracts = ContractRegistry.loadDefault();
    this.catalog = new Catalog(seeds, config.products(), config.startDate());
    this.campaigns = Campaigns.plan(seeds, config.days(), catalog.categories().size());
    this.customers = createCustomers(seeds);
    this.churn = new ChurnProcess(seeds, customers, config.startDate(), config.days());
    this.outbox = new Outbox(sink, pacer(config));
    this.files = new FileEmitter(outbox, counts, config.faults(), seeds);
    this.streams =
        new StreamEmitter(
            outbox,
            counts,
            config.faults(),
            config.isLive(),
            contracts.get("clickstream"),
            contracts.get("weblog"));
    this.fulfilment =
        new Fulfilment(
            files,
            counts,
            sales,
            landingFolder(contracts, "orders"),
            landingFolder(contracts, "order_items"),
            landingFolder(contracts, "returns"),
            config.isLive()
                ? FileSchedule.live(config.live().from(), config.live().fileInterval())
                : FileSchedule.daily());
    this.support =
        new SupportDesk(
            seeds, files, counts, landingFolder(contracts, "support_tickets"), customers.length);
    this.reference = new ReferenceData(seeds, files, counts, contracts);
    this.shop = new Shop(seeds, catalog, streams, fulfilment);
  }

  private static Pacer pacer(DatagenConfig config) {
    if (config.isLive()) {
      return Pacer.wallClock(Clock.systemUTC());
    }
    return new Pacer(
        config.rate(),
        config.timeCompression(),
        config.startDate().atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  private Customer[] createCustomers(Seeds seeds) {
    CustomerFactory factory =
        new CustomerFactory(seeds, config.startDate(), catalog.categories().size());
    Customer[] all = new Customer[config.customers()];
    for (int i = 0; i < all.length; i++) {
      all[i] = factory.create(i);
    }
    return all;
  }

  /**
   * Runs the whole simulation and returns its headline numbers. A live run goes on past its days
   * until its thread is interrupted (then it throws), rewriting the ground truth after every day
   * from the last backfill day on.
   */
  public RunSummary run() {
    long events = 0;
    for (int d = 0; d < config.days() || config.isLive(); d++) {
      events += playDay(d, config.startDate().plusDays(d));
      if (config.isLive() && d >= config.days() - 1) {
        writeTruth();
      }
    }
    outbox.flushAll();
    writeTruth();
    return new RunSummary(
        events,
        counts.total("clickstream", Counts.SENT),
        counts.total("weblog", Counts.SENT),
        churn.bestAuc(),
        churn.churners());
  }

  private void writeTruth() {
    TruthFiles.write(sink, config, counts, sales, churn, files, campaigns);
  }

  /**
   * Plays a day: reference files, the day's sessions, then order and return files and everything
   * queued, a slice at a time (the whole day at once unless live), then support tickets and churn.
   */
  private long playDay(int day, LocalDate date) {
    reference.customers(day, date, customers, churn);
    reference.products(day, date, catalog);
    Map<String, DailyWeather> weather = reference.weather(date);
    List<Campaign> running = campaigns.stream().filter(c -> c.runsOn(day)).toList();
    long events = shop.play(day, date, customers, churn, running, weather);
    Instant dayEnd = date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant sliceStart = date.atStartOfDay().toInstant(ZoneOffset.UTC);
    boolean live = config.isLive() && dayEnd.isAfter(config.live().from());
    Duration slice = live ? LIVE_SLICE : Duration.ofDays(1);
    double intensity = live ? liveIntensity() : 0;
    for (; sliceStart.isBefore(dayEnd); sliceStart = sliceStart.plus(slice)) {
      Instant sliceEnd = sliceStart.plus(slice);
      if (live && sliceEnd.isAfter(config.live().from())) {
        Instant from = sliceStart.isAfter(config.live().from()) ? sliceStart : config.live().from();
        events += shop.playLive(day, from, sliceEnd, intensity, customers, churn, running, weather);
      }
      fulfil(day, date, sliceEnd);
      outbox.flushBefore(sliceEnd);
    }
    support.open(day, date, customers, churn);
    support.write(date, churn);
    churn.endDay(day, date);
    outbox.flushBefore(dayEnd);
    return events;
  }

  /** Writes the order and return files of the day up to {@code until}. */
  private void fulfil(int day, LocalDate date, Instant until) {
    for (Fulfilment.Change c : fulfilment.writeDms(day, date, until)) {
      ticketTriggers(c);
    }
    for (ReturnItem r : fulfilment.writeReturns(date, until, i -> churn.active(i, date))) {
      churn.state(r.customerIndex()).returned();
      support.trigger(r.customerIndex(), "returns", 0.12);
    }
  }

  /**
   * How many times the day's own customer sessions a live feed plays to send about the records per
   * second it aims at (the day's own sessions are kept, so the world stays the same).
   */
  private double liveIntensity() {
    double ownPerSecond = Math.max(1, shop.customerRecordsToday()) / 86_400.0;
    return Math.max(0, config.live().recordsPerSecond() / ownPerSecond - 1);
  }

  /** Cancellations and slow deliveries make support tickets likelier. */
  private void ticketTriggers(Fulfilment.Change c) {
    int customer = c.order().customerIndex();
    String status = c.change().status();
    if (status.equals("cancelled")) {
      support.trigger(customer, "billing", 0.25);
    } else if (status.equals("delivered")
        && Duration.between(c.order().orderTs(), c.change().at()).toDays() >= 4) {
      support.trigger(customer, "delivery", 0.2);
    }
  }

  /** The landing folder of a dataset, from its contract: {@code landing/<source name>/}. */
  static String landingFolder(ContractRegistry contracts, String dataset) {
    return "landing/" + contracts.get(dataset).source().name() + "/";
  }
}

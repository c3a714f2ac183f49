package io.customer360.datagen.sim;

import io.customer360.common.contract.ContractRegistry;
import io.customer360.datagen.format.BatchFormats;
import io.customer360.datagen.format.CrmFormat;
import io.customer360.datagen.format.CsvFile;
import io.customer360.datagen.random.Draw;
import io.customer360.datagen.random.Seeds;
import io.customer360.datagen.truth.Counts;
import io.customer360.datagen.weather.DailyWeather;
import io.customer360.datagen.weather.WeatherModel;
import io.customer360.datagen.world.Catalog;
import io.customer360.datagen.world.Customer;
import io.customer360.datagen.world.Product;
import io.customer360.datagen.world.ZipArea;
import io.customer360.datagen.world.ZipAreas;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The daily reference drops: CRM customer exports (a full export on day one, then changed
 * customers), product catalogue versions, and weather (observations plus three days of forecasts).
 */
final class ReferenceData {

  private static final double DAILY_CRM_CHANGE = 0.004;
  private static final DateTimeFormatter COMPACT =
      DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

  private final Seeds seeds;
  private final FileEmitter files;
  private final Counts counts;
  private final CrmFormat crm;
  private final WeatherModel weather;
  private final String crmFolder;
  private final String productsFolder;
  private final String weatherFolder;

  ReferenceData(Seeds seeds, FileEmitter files, Counts counts, ContractRegistry contracts) {
    this.seeds = seeds;
    this.files = files;
    this.counts = counts;
    this.crm = new CrmFormat(contracts.get("customers"));
    this.weather = new WeatherModel(seeds);
    this.crmFolder = Simulation.landingFolder(contracts, "customers");
    this.productsFolder = Simulation.landingFolder(contracts, "products");
    this.weatherFolder = Simulation.landingFolder(contracts, "weather");
  }

  /** Writes the CRM export of the day; later days carry only customers who changed. */
  void customers(int dayIndex, LocalDate date, Customer[] customers, ChurnProcess churn) {
    SplittableRandom rng = seeds.stream("crm", dayIndex);
    CsvFile csv = new CsvFile(crm.header(rng));
    Instant dayStart = date.atStartOfDay().toInstant(ZoneOffset.UTC);
    for (int i = 0; i < customers.length; i++) {
      Customer c = customers[i];
      if (dayIndex > 0) {
        if (!churn.active(i, date) || !Draw.chance(rng, DAILY_CRM_CHANGE)) {
          continue;
        }
        c = change(c, dayStart, rng);
        customers[i] = c;
      }
      csv.row(crm.row(c, rng));
      counts.add("customers", Fulfilment.day(c.updatedAt()), Counts.SILVER, 1);
    }
    if (csv.rows() > 0) {
      files.csv("customers", date, crmFolder + "customers_" + date.format(COMPACT) + ".csv", csv);
    }
  }

  private static Customer change(Customer c, Instant dayStart, SplittableRandom rng) {
    Instant when = dayStart.plusSeconds(rng.nextInt(86_400));
    if (rng.nextBoolean()) {
      String[] tiers = {"none", "silver", "gold", "platinum"};
      return c.changed(Draw.pick(rng, tiers), c.email(), when);
    }
    String email = c.email().replace("@", "." + (1 + rng.nextInt(9)) + "@");
    return c.changed(c.loyaltyTier(), email, when);
  }

  /** Writes the catalogue on day one, then each day's price changes. */
  void products(int dayIndex, LocalDate date, Catalog catalog) {
    List<Product> rows = dayIndex == 0 ? catalog.products() : catalog.reprice(dayIndex, date);
    if (rows.isEmpty()) {
      return;
    }
    CsvFile csv = new CsvFile(BatchFormats.PRODUCT_HEADER);
    rows.forEach(p -> csv.row(BatchFormats.product(p)));
    files.csv("products", date, productsFolder + "products_" + date.format(COMPACT) + ".csv", csv);
    rows.forEach(p -> counts.add("products", Fulfilment.day(p.updatedAt()), Counts.SILVER, 1));
  }

  /** Writes the day's weather file and returns today's observations by zip code. */
  Map<String, DailyWeather> weather(LocalDate date) {
    Map<String, DailyWeather> today = new LinkedHashMap<>();
    CsvFile csv = new CsvFile(BatchFormats.WEATHER_HEADER);
    List<DailyWeather> rows = new java.util.ArrayList<>();
    for (ZipArea area : ZipAreas.all()) {
      DailyWeather observed = weather.observed(area, date);
      today.put(area.zip(), observed);
      rows.add(observed);
      for (int lead = 1; lead <= WeatherModel.FORECAST_DAYS; lead++) {
        rows.add(weather.forecast(area, date.plusDays(lead), date));
      }
    }
    rows.forEach(w -> csv.row(BatchFormats.weather(w)));
    if (files.csv(
        "weather", date, weatherFolder + "weather_" + date.format(COMPACT) + ".csv", csv)) {
      rows.forEach(w -> counts.add("weather", w.date(), Counts.SILVER, 1));
    }
    return today;
  }
}

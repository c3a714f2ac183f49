package io.customer360.query.testdata;

import io.customer360.common.contract.ContractRegistry;
import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.FieldSpec;
import io.customer360.datagen.Datagen;
import io.customer360.datagen.DatagenConfig;
import io.customer360.datagen.fault.FaultRates;
import io.customer360.datagen.sink.FolderSink;
import io.customer360.datagen.world.Category;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A datagen run read back the way a consumer reads it: the landing files (CRM, products, DMS orders
 * and order items after CDC, returns), the clickstream and the ground truth, as plain records. Both
 * the test warehouse loader and the expected answers start from here, by separate code.
 */
public final class DatagenOutput {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DateTimeFormatter DMS_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");
  private static final DateTimeFormatter CLICK_LOCAL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

  /** A product, newest version. */
  public record Product(
      String id,
      String name,
      String category,
      String subcategory,
      String brand,
      BigDecimal price,
      BigDecimal cost,
      boolean active) {}

  /** A CRM customer, newest version (raw PII as the CRM sends it). */
  public record Customer(
      String id,
      String firstName,
      String lastName,
      String email,
      String phone,
      LocalDate birthDate,
      String city,
      String state,
      String zip,
      LocalDate signupDate,
      String loyaltyTier,
      Boolean marketingOptIn,
      Instant updatedAt) {}

  /** An order after CDC: its latest status. */
  public record Order(
      String id,
      String customerId,
      Instant orderTs,
      String status,
      Instant statusAt,
      String channel,
      String couponCode,
      String campaignId,
      String shipZip) {

    public LocalDate orderDate() {
      return orderTs.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    public boolean cancelled() {
      return "cancelled".equals(status);
    }
  }

  /** An order line with its order and product. */
  public record Line(
      String id,
      Order order,
      Product product,
      int quantity,
      BigDecimal unitPrice,
      BigDecimal discount) {

    public BigDecimal net() {
      return unitPrice.multiply(BigDecimal.valueOf(quantity)).subtract(discount);
    }
  }

  /** A product return. */
  public record Return(
      String id,
      String orderId,
      String lineId,
      String productId,
      int quantity,
      Instant returnedAt,
      String reason,
      BigDecimal refund) {

    public LocalDate returnDate() {
      return returnedAt.atOffset(ZoneOffset.UTC).toLocalDate();
    }
  }

  /** A clickstream event. */
  public record Event(
      String sessionId,
      String type,
      String deviceId,
      String customerId,
      Instant at,
      String productId,
      String orderId,
      String campaignId,
      String utmSource,
      String referrer,
      String zip,
      String device,
      BigDecimal price,
      Integer quantity) {}

  /** A campaign from the ground truth. */
  public record Campaign(
      String id,
      String utmSource,
      String utmMedium,
      String utmCampaign,
      String category,
      String couponCode,
      LocalDate firstDay,
      LocalDate lastDay) {}

  /** A row of {@code _truth/sales_daily.csv}. */
  public record SalesTruth(
      LocalDate date,
      String category,
      String zip,
      long orders,
      long units,
      BigDecimal revenue,
      long couponOrders,
      BigDecimal couponDiscount) {}

  /** A row of {@code _truth/churn_labels.csv}. */
  public record ChurnLabel(String customerId, LocalDate snapshotDate, double trueProbability) {}

  public final LocalDate start;
  public final int days;
  public final Map<String, Product> products;
  public final Map<String, Customer> customers;
  public final Map<String, Order> orders;
  public final List<Line> lines;
  public final List<Return> returns;
  public final List<Event> events;
  public final List<Campaign> campaigns;
  public final List<SalesTruth> salesTruth;
  public final List<ChurnLabel> churnLabels;

  private DatagenOutput(Path root, LocalDate start, int days) {
    this.start = start;
    this.days = days;
    this.products = readProducts(root);
    this.customers = readCustomers(root);
    this.orders = readOrders(root);
    this.lines = readLines(root, orders, products);
    this.returns = readReturns(root);
    this.events = readEvents(root);
    this.campaigns = readCampaigns(root, start);
    this.salesTruth = readSalesTruth(root);
    this.churnLabels = readChurnLabels(root);
  }

  /** Generates {@code days} × {@code customers} from {@code start} (seed 42, no faults). */
  public static DatagenOutput generate(LocalDate start, int days, int customers) {
    try {
      Path root = Files.createTempDirectory("query-api-datagen-");
      DatagenConfig config =
          new DatagenConfig(
              42, start, days, customers, Math.max(40, customers / 10), FaultRates.none(), 0, 0);
      try (FolderSink sink = new FolderSink(root)) {
        Datagen.run(config, sink);
      }
      DatagenOutput output = new DatagenOutput(root, start, days);
      deleteTree(root);
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last simulated day. */
  public LocalDate lastDay() {
    return start.plusDays(days - 1L);
  }

  private static Map<String, Product> readProducts(Path root) {
    Map<String, Product> products = new TreeMap<>();
    for (Path file : files(root.resolve("landing/products"))) {
      for (Map<String, String> r : Csv.read(file)) {
        products.put(
            r.get("product_id"),
            new Product(
                r.get("product_id"),
                r.get("name"),
                r.get("category"),
                r.get("subcategory"),
                r.get("brand"),
                new BigDecimal(r.get("price")),
                r.get("cost") == null ? null : new BigDecimal(r.get("cost")),
                Boolean.parseBoolean(r.get("active"))));
      }
    }
    return products;
  }

  private static Map<String, Customer> readCustomers(Path root) {
    DatasetContract contract = ContractRegistry.loadDefault().get("customers");
    Map<String, Customer> customers = new TreeMap<>();
    for (Path file : files(root.resolve("landing/crm"))) {
      for (Map<String, String> raw : Csv.read(file)) {
        Map<String, String> r = canonical(raw, contract);
        Customer c =
            new Customer(
                r.get("customer_id"),
                r.get("first_name"),
                r.get("last_name"),
                r.get("email"),
                r.get("phone"),
                date(r.get("date_of_birth"), contract.field("date_of_birth").orElseThrow()),
                r.get("city"),
                r.get("state"),
                r.get("zip"),
                date(r.get("signup_date"), contract.field("signup_date").orElseThrow()),
                r.get("loyalty_tier"),
                r.get("marketing_opt_in") == null
                    ? null
                    : Boolean.parseBoolean(r.get("marketing_opt_in")),
                crmTime(r.get("updated_at")));
        Customer known = customers.get(c.id());
        if (known == null || !known.updatedAt().isAfter(c.updatedAt())) {
          customers.put(c.id(), c);
        }
      }
    }
    return customers;
  }

  private static Map<String, Order> readOrders(Path root) {
    Map<String, Map<String, String>> latest = new TreeMap<>();
    for (Map<String, String> r : dmsRows(root, "orders")) {
      Map<String, String> known = latest.get(r.get("order_id"));
      if (known == null || known.get("cdc_timestamp").compareTo(r.get("cdc_timestamp")) <= 0) {
        latest.put(r.get("order_id"), r);
      }
    }
    Map<String, Order> orders = new LinkedHashMap<>();
    latest.forEach(
        (id, r) ->
            orders.put(
                id,
                new Order(
                    id,
                    r.get("customer_id"),
                    dmsTime(r.get("order_ts")),
                    r.get("status"),
                    dmsTime(r.get("cdc_timestamp")),
                    r.get("channel"),
                    r.get("coupon_code"),
                    r.get("campaign_id"),
                    r.get("ship_zip"))));
    return orders;
  }

  private static List<Line> readLines(
      Path root, Map<String, Order> orders, Map<String, Product> products) {
    Map<String, Map<String, String>> items = new TreeMap<>();
    for (Map<String, String> r : dmsRows(root, "order_items")) {
      items.put(r.get("order_item_id"), r);
    }
    List<Line> lines = new ArrayList<>();
    items.forEach(
        (id, r) ->
            lines.add(
                new Line(
                    id,
                    orders.get(r.get("order_id")),
                    products.get(r.get("product_id")),
                    Integer.parseInt(r.get("quantity")),
                    new BigDecimal(r.get("unit_price")),
                    new BigDecimal(r.get("discount")))));
    return lines;
  }

  private static List<Return> readReturns(Path root) {
    List<Return> returns = new ArrayList<>();
    for (Path file : files(root.resolve("landing/returns"))) {
      for (Map<String, String> r : Csv.read(file)) {
        returns.add(
            new Return(
                r.get("return_id"),
                r.get("order_id"),
                r.get("order_item_id"),
                r.get("product_id"),
                Integer.parseInt(r.get("quantity")),
                OffsetDateTime.parse(r.get("returned_at")).toInstant(),
                r.get("reason"),
                new BigDecimal(r.get("refund_amount"))));
      }
    }
    return returns;
  }

  private static List<Event> readEvents(Path root) {
    DatasetContract contract = ContractRegistry.loadDefault().get("clickstream");
    List<Event> events = new ArrayList<>();
    for (Path file : files(root.resolve("streams/c360-clickstream"))) {
      for (String line : lines(file)) {
        Map<String, Object> raw = JSON.readValue(line, new TypeReference<Map<String, Object>>() {});
        Map<String, String> e = new LinkedHashMap<>();
        raw.forEach(
            (k, v) ->
                contract.field(k).ifPresent(f -> e.put(f.name(), v == null ? null : v.toString())));
        events.add(
            new Event(
                e.get("session_id"),
                e.get("event_type"),
                e.get("anonymous_id"),
                e.get("customer_id"),
                clickTime(e.get("occurred_at")),
                e.get("product_id"),
                e.get("order_id"),
                e.get("campaign_id"),
                e.get("utm_source"),
                e.get("referrer"),
                e.get("zip"),
                e.get("device"),
                e.get("price") == null ? null : new BigDecimal(e.get("price")),
                e.get("quantity") == null ? null : Integer.valueOf(e.get("quantity"))));
      }
    }
    events.sort(Comparator.comparing(Event::at));
    return events;
  }

  private static List<Campaign> readCampaigns(Path root, LocalDate start) {
    List<Campaign> campaigns = new ArrayList<>();
    for (Map<String, String> r : Csv.read(root.resolve("_truth/campaigns.csv"))) {
      campaigns.add(
          new Campaign(
              r.get("campaign_id"),
              r.get("utm_source"),
              r.get("utm_medium"),
              r.get("utm_campaign"),
              Category.all().get(Integer.parseInt(r.get("category_index"))).name(),
              r.get("coupon_code"),
              start.plusDays(Long.parseLong(r.get("first_day"))),
              start.plusDays(Long.parseLong(r.get("last_day")))));
    }
    return campaigns;
  }

  private static List<SalesTruth> readSalesTruth(Path root) {
    List<SalesTruth> rows = new ArrayList<>();
    for (Map<String, String> r : Csv.read(root.resolve("_truth/sales_daily.csv"))) {
      rows.add(
          new SalesTruth(
              LocalDate.parse(r.get("order_date")),
              r.get("category"),
              r.get("zip"),
              Long.parseLong(r.get("orders")),
              Long.parseLong(r.get("units")),
              new BigDecimal(r.get("revenue")),
              Long.parseLong(r.get("coupon_orders")),
              new BigDecimal(r.get("coupon_discount"))));
    }
    return rows;
  }

  private static List<ChurnLabel> readChurnLabels(Path root) {
    List<ChurnLabel> labels = new ArrayList<>();
    for (Map<String, String> r : Csv.read(root.resolve("_truth/churn_labels.csv"))) {
      labels.add(
          new ChurnLabel(
              r.get("customer_id"),
              LocalDate.parse(r.get("snapshot_date")),
              Double.parseDouble(r.get("true_probability"))));
    }
    return labels;
  }

  private static Map<String, String> canonical(Map<String, String> raw, DatasetContract contract) {
    Map<String, String> row = new LinkedHashMap<>();
    raw.forEach((k, v) -> contract.field(k).ifPresent(f -> row.put(f.name(), v)));
    return row;
  }

  private static LocalDate date(String value, FieldSpec field) {
    if (value == null) {
      return null;
    }
    for (String format : field.formats()) {
      try {
        return LocalDate.parse(value, DateTimeFormatter.ofPattern(format, Locale.ENGLISH));
      } catch (RuntimeException e) {
        // try the next format the contract allows
      }
    }
    throw new IllegalArgumentException("unparseable date " + value);
  }

  private static Instant crmTime(String value) {
    if (value.contains("T")) {
      return OffsetDateTime.parse(value).toInstant();
    }
    String pattern = value.contains("/") ? "MM/dd/yyyy HH:mm:ss" : "yyyy-MM-dd HH:mm:ss";
    return LocalDateTime.parse(value, DateTimeFormatter.ofPattern(pattern))
        .toInstant(ZoneOffset.UTC);
  }

  private static Instant dmsTime(String value) {
    return LocalDateTime.parse(value, DMS_TIME).toInstant(ZoneOffset.UTC);
  }

  private static Instant clickTime(String value) {
    if (value.contains("T")) {
      return OffsetDateTime.parse(value).toInstant();
    }
    return LocalDateTime.parse(value, CLICK_LOCAL_TIME).toInstant(ZoneOffset.UTC);
  }

  private static List<Map<String, String>> dmsRows(Path root, String table) {
    List<Path> files = files(root.resolve("landing/dms").resolve(table));
    files.sort(
        Comparator.comparing((Path p) -> !p.getFileName().toString().startsWith("LOAD"))
            .thenComparing(Path::toString));
    List<Map<String, String>> rows = new ArrayList<>();
    for (Path file : files) {
      rows.addAll(Csv.read(file));
    }
    return rows;
  }

  private static List<Path> files(Path folder) {
    if (!Files.isDirectory(folder)) {
      return new ArrayList<>();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The customer's current version, if the CRM sent one. */
  public Optional<Customer> customer(String id) {
    return Optional.ofNullable(customers.get(id));
  }
}

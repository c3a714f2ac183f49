package io.customer360.datagen;

import io.customer360.common.contract.ContractRegistry;
import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.FieldSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads a folder run back the way a consumer would, independently of the generator's code. */
final class Outputs {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final ContractRegistry CONTRACTS = ContractRegistry.loadDefault();

  private Outputs() {}

  static List<String> streamLines(Path out, String stream) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path f : files(out.resolve("streams").resolve(stream))) {
      lines.addAll(Files.readAllLines(f));
    }
    return lines;
  }

  /** Counts records by what a validator must conclude: fault kind, duplicate, or silver. */
  static Map<String, Long> classify(Path out, String dataset) throws IOException {
    DatasetContract contract = CONTRACTS.get(dataset);
    return classifyLines(streamLines(out, contract.source().name()), contract);
  }

  static Map<String, Long> classifyLines(List<String> lines, DatasetContract contract) {
    Map<String, Long> counts = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    for (String line : lines) {
      counts.merge("sent_records", 1L, Long::sum);
      String verdict = verdict(line, contract, seen);
      counts.merge(verdict, 1L, Long::sum);
    }
    return counts;
  }

  private static String verdict(String line, DatasetContract contract, Set<String> seen) {
    if (line.length() > 1_000_000) {
      return "oversized_record";
    }
    Map<String, Object> record;
    try {
      record = JSON.readValue(line, new TypeReference<Map<String, Object>>() {});
    } catch (RuntimeException e) {
      return "malformed_json";
    }
    for (FieldSpec f : contract.requiredFields()) {
      if (value(record, f) == null) {
        return "missing_required_field";
      }
    }
    for (FieldSpec f : contract.fields()) {
      Object v = value(record, f);
      if (v == null) {
        continue;
      }
      if (!f.allowedValues().isEmpty() && !f.allowedValues().contains(v.toString())) {
        return "unknown_event_type";
      }
      if (f.type().name().equals("INTEGER") && !v.toString().matches("-?\\d+")) {
        return "wrong_type";
      }
      if (!f.formats().isEmpty() && !parses(v.toString(), f.formats())) {
        return "unparseable_" + f.name();
      }
    }
    if (contract.dedupKey().contains("event_id") && !seen.add(record.get("event_id").toString())) {
      return "duplicate";
    }
    return "silver_records";
  }

  /** A field's value under its name or whichever alias the record uses. */
  private static Object value(Map<String, Object> record, FieldSpec field) {
    return record.entrySet().stream()
        .filter(e -> field.isNamed(e.getKey()) && e.getValue() != null)
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  static boolean parses(String value, List<String> formats) {
    for (String format : formats) {
      try {
        DateTimeFormatter.ofPattern(format, Locale.ENGLISH).parse(value);
        return true;
      } catch (RuntimeException e) {
        // try the next format
      }
    }
    return false;
  }

  /** Valid clickstream events, each event id once. */
  static List<Map<String, Object>> validClickEvents(Path out) throws IOException {
    DatasetContract contract = CONTRACTS.get("clickstream");
    Set<String> seen = new HashSet<>();
    List<Map<String, Object>> events = new ArrayList<>();
    for (String line : streamLines(out, contract.source().name())) {
      if (verdict(line, contract, seen).equals("silver_records")) {
        events.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() {}));
      }
    }
    return events;
  }

  /** Every DMS row of a table, full load first, then CDC files in name order. */
  static List<Map<String, String>> dmsRows(Path out, String table) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    List<Path> files = files(out.resolve("landing/dms").resolve(table));
    files.sort(
        (a, b) ->
            a.getFileName().toString().startsWith("LOAD")
                ? -1
                : b.getFileName().toString().startsWith("LOAD") ? 1 : a.compareTo(b));
    for (Path f : files) {
      rows.addAll(TestCsv.read(f));
    }
    return rows;
  }

  /** Orders after applying CDC: the change with the latest timestamp wins. */
  static Map<String, Map<String, String>> finalOrders(Path out) throws IOException {
    Map<String, Map<String, String>> orders = new TreeMap<>();
    for (Map<String, String> row : dmsRows(out, "orders")) {
      Map<String, String> current = orders.get(row.get("order_id"));
      if (current == null
          || current.get("cdc_timestamp").compareTo(row.get("cdc_timestamp")) <= 0) {
        orders.put(row.get("order_id"), row);
      }
    }
    return orders;
  }

  static List<Map<String, String>> csvRows(Path out, String folder) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Path f : files(out.resolve(folder))) {
      if (f.toString().endsWith(".csv")) {
        rows.addAll(TestCsv.read(f));
      }
    }
    return rows;
  }

  /** Revenue by order date, category and ship zip over non-cancelled final orders. */
  static Map<String, BigDecimal> salesFromOrders(Path out) throws IOException {
    Map<String, String> category = new TreeMap<>();
    csvRows(out, "landing/products")
        .forEach(p -> category.put(p.get("product_id"), p.get("category")));
    Map<String, Map<String, String>> orders = finalOrders(out);
    Map<String, BigDecimal> revenue = new TreeMap<>();
    for (Map<String, String> item : dmsRows(out, "order_items")) {
      Map<String, String> order = orders.get(item.get("order_id"));
      if (order.get("status").equals("cancelled")) {
        continue;
      }
      String key =
          order.get("order_ts").substring(0, 10)
              + ","
              + category.get(item.get("product_id"))
              + ","
              + order.get("ship_zip");
      BigDecimal net =
          new BigDecimal(item.get("unit_price"))
              .multiply(new BigDecimal(item.get("quantity")))
              .subtract(new BigDecimal(item.get("discount")));
      revenue.merge(key, net, BigDecimal::add);
    }
    return revenue;
  }

  static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return new ArrayList<>();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
    }
  }
}

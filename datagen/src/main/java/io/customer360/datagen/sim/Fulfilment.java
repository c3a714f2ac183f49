package io.customer360.datagen.sim;

import io.customer360.datagen.commerce.Order;
import io.customer360.datagen.commerce.OrderFactory;
import io.customer360.datagen.commerce.OrderLine;
import io.customer360.datagen.commerce.ReturnItem;
import io.customer360.datagen.commerce.StatusChange;
import io.customer360.datagen.format.BatchFormats;
import io.customer360.datagen.format.CsvFile;
import io.customer360.datagen.format.DmsFormat;
import io.customer360.datagen.truth.Counts;
import io.customer360.datagen.truth.SalesTotals;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Order fulfilment: reveals each order's status changes on the day they happen as DMS files (full
 * load after day one, CDC after), hands out due returns, and keeps the sales truth.
 */
final class Fulfilment {

  private static final DateTimeFormatter COMPACT =
      DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

  /** A status change of an order, revealed on its day. */
  record Change(Order order, StatusChange change) {}

  private record CdcRow(Instant at, List<String> row) {}

  private final FileEmitter files;
  private final Counts counts;
  private final SalesTotals sales;
  private final String ordersFolder;
  private final String itemsFolder;
  private final String returnsFolder;
  private final List<Order> placedToday = new ArrayList<>();
  private final TreeMap<LocalDate, List<Change>> changes = new TreeMap<>();
  private final TreeMap<LocalDate, List<ReturnItem>> returns = new TreeMap<>();

  Fulfilment(
      FileEmitter files,
      Counts counts,
      SalesTotals sales,
      String ordersFolder,
      String itemsFolder,
      String returnsFolder) {
    this.files = files;
    this.counts = counts;
    this.sales = sales;
    this.ordersFolder = ordersFolder;
    this.itemsFolder = itemsFolder;
    this.returnsFolder = returnsFolder;
  }

  /** Takes a newly placed order. */
  void place(OrderFactory.Placed placed) {
    Order order = placed.order();
    placedToday.add(order);
    sales.add(order, 1);
    counts.add("orders", day(order.orderTs()), Counts.SILVER, 1);
    counts.add("order_items", day(order.orderTs()), Counts.SILVER, order.lines().size());
    for (StatusChange c : order.history().subList(1, order.history().size())) {
      changes.computeIfAbsent(day(c.at()), d -> new ArrayList<>()).add(new Change(order, c));
    }
    for (ReturnItem r : placed.returns()) {
      returns.computeIfAbsent(day(r.returnedAt()), d -> new ArrayList<>()).add(r);
    }
  }

  /** Writes the day's DMS files (on the first day a full load) and returns the day's changes. */
  List<Change> writeDms(int dayIndex, LocalDate date) {
    List<Change> due = new ArrayList<>(changes.getOrDefault(date, List.of()));
    changes.remove(date);
    due.sort(
        Comparator.comparing((Change c) -> c.change().at()).thenComparing(c -> c.order().id()));
    for (Change c : due) {
      if (c.change().status().equals("cancelled")) {
        sales.add(c.order(), -1);
      }
    }
    if (dayIndex == 0) {
      writeFullLoad(date);
    } else {
      writeCdc(date, due);
    }
    placedToday.clear();
    return due;
  }

  private void writeFullLoad(LocalDate date) {
    Instant loadTime = date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1);
    CsvFile orders = new CsvFile(DmsFormat.header(DmsFormat.ORDER_COLUMNS, false));
    CsvFile items = new CsvFile(DmsFormat.header(DmsFormat.ITEM_COLUMNS, false));
    for (Order o : placedToday) {
      orders.row(DmsFormat.orderRow(null, loadTime, o, o.statusAt(loadTime)));
      o.lines().forEach(l -> items.row(DmsFormat.itemRow(null, loadTime, l)));
    }
    files.csv("orders", date, ordersFolder + "LOAD00000001.csv", orders);
    files.csv("order_items", date, itemsFolder + "LOAD00000001.csv", items);
  }

  private void writeCdc(LocalDate date, List<Change> due) {
    List<CdcRow> orderRows = new ArrayList<>();
    CsvFile items = new CsvFile(DmsFormat.header(DmsFormat.ITEM_COLUMNS, true));
    for (Order o : placedToday) {
      orderRows.add(new CdcRow(o.orderTs(), DmsFormat.orderRow("I", o.orderTs(), o, "placed")));
      for (OrderLine l : o.lines()) {
        items.row(DmsFormat.itemRow("I", l.createdAt(), l));
      }
    }
    for (Change c : due) {
      orderRows.add(
          new CdcRow(
              c.change().at(),
              DmsFormat.orderRow("U", c.change().at(), c.order(), c.change().status())));
    }
    orderRows.sort(Comparator.comparing(CdcRow::at));
    CsvFile orders = new CsvFile(DmsFormat.header(DmsFormat.ORDER_COLUMNS, true));
    orderRows.forEach(r -> orders.row(r.row()));
    String name = date.format(COMPACT) + "-235959999.csv";
    if (orders.rows() > 0) {
      files.csv("orders", date, ordersFolder + name, orders);
    }
    if (items.rows() > 0) {
      files.csv("order_items", date, itemsFolder + name, items);
    }
  }

  /** Returns due today from customers still active, written as the day's returns file. */
  List<ReturnItem> writeReturns(LocalDate date, IntPredicate activeCustomer) {
    List<ReturnItem> due = new ArrayList<>(returns.getOrDefault(date, List.of()));
    returns.remove(date);
    due.removeIf(r -> !activeCustomer.test(r.customerIndex()));
    due.sort(Comparator.comparing(ReturnItem::returnedAt).thenComparing(ReturnItem::returnId));
    if (due.isEmpty()) {
      return due;
    }
    CsvFile csv = new CsvFile(BatchFormats.RETURN_HEADER);
    due.forEach(r -> csv.row(BatchFormats.returned(r)));
    if (files.csv(
        "returns", date, returnsFolder + "returns_" + date.format(COMPACT) + ".csv", csv)) {
      counts.add("returns", date, Counts.SILVER, due.size());
    }
    return due;
  }

  static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}

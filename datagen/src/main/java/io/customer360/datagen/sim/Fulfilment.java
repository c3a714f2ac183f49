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
 * Order fulfilment: reveals each order's status changes when they happen as DMS files (full load
 * after day one, CDC after, in the files of the {@link FileSchedule}), hands out due returns, and
 * keeps the sales truth.
 */
final class Fulfilment {

  private static final DateTimeFormatter COMPACT =
      DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

  /** DMS names CDC files by the time they were written, to the millisecond. */
  private static final DateTimeFormatter CDC_NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter RETURNS_NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** A status change of an order, revealed on its day. */
  record Change(Order order, StatusChange change) {}

  private record CdcRow(Instant at, List<String> row) {}

  private final FileEmitter files;
  private final Counts counts;
  private final SalesTotals sales;
  private final String ordersFolder;
  private final String itemsFolder;
  private final String returnsFolder;
  private final FileSchedule schedule;
  private final List<Order> unwritten = new ArrayList<>();
  private final TreeMap<LocalDate, List<Change>> changes = new TreeMap<>();
  private final TreeMap<LocalDate, List<ReturnItem>> returns = new TreeMap<>();

  Fulfilment(
      FileEmitter files,
      Counts counts,
      SalesTotals sales,
      String ordersFolder,
      String itemsFolder,
      String returnsFolder,
      FileSchedule schedule) {
    this.files = files;
    this.schedule = schedule;
    this.counts = counts;
    this.sales = sales;
    this.ordersFolder = ordersFolder;
    this.itemsFolder = itemsFolder;
    this.returnsFolder = returnsFolder;
  }

  /** Takes a newly placed order. */
  void place(OrderFactory.Placed placed) {
    Order order = placed.order();
    unwritten.add(order);
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

  /**
   * Writes the DMS rows of the day whose files are complete by {@code until} (on the first day,
   * once the day is over, a full load) and returns the status changes among them.
   */
  List<Change> writeDms(int dayIndex, LocalDate date, Instant until) {
    List<Change> due = new ArrayList<>();
    List<Change> today = changes.computeIfAbsent(date, d -> new ArrayList<>());
    today.removeIf(c -> schedule.complete(c.change().at(), until) && due.add(c));
    if (today.isEmpty()) {
      changes.remove(date);
    }
    due.sort(
        Comparator.comparing((Change c) -> c.change().at()).thenComparing(c -> c.order().id()));
    for (Change c : due) {
      if (c.change().status().equals("cancelled")) {
        sales.add(c.order(), -1);
      }
    }
    if (dayIndex > 0) {
      writeCdc(due, placedBefore(until));
    } else if (!until.isBefore(date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))) {
      writeFullLoad(date, placedBefore(until));
    }
    return due;
  }

  /** Takes the orders whose files are complete by {@code until}, in the order they were placed. */
  private List<Order> placedBefore(Instant until) {
    List<Order> taken = new ArrayList<>();
    unwritten.removeIf(o -> schedule.complete(o.orderTs(), until) && taken.add(o));
    return taken;
  }

  private void writeFullLoad(LocalDate date, List<Order> orders) {
    Instant loadTime = FileEmitter.endOf(date);
    CsvFile orderRows = new CsvFile(DmsFormat.header(DmsFormat.ORDER_COLUMNS, false));
    CsvFile items = new CsvFile(DmsFormat.header(DmsFormat.ITEM_COLUMNS, false));
    for (Order o : orders) {
      orderRows.row(DmsFormat.orderRow(null, loadTime, o, o.statusAt(loadTime)));
      o.lines().forEach(l -> items.row(DmsFormat.itemRow(null, loadTime, l)));
    }
    files.csv("orders", date, ordersFolder + "LOAD00000001.csv", orderRows);
    files.csv("order_items", date, itemsFolder + "LOAD00000001.csv", items);
  }

  /** Writes CDC files, one per window of the schedule, named by the window's last millisecond. */
  private void writeCdc(List<Change> due, List<Order> inserted) {
    TreeMap<Instant, List<CdcRow>> orderRows = new TreeMap<>();
    TreeMap<Instant, CsvFile> items = new TreeMap<>();
    for (Order o : inserted) {
      Instant window = schedule.windowOf(o.orderTs()).end();
      orderRows
          .computeIfAbsent(window, w -> new ArrayList<>())
          .add(new CdcRow(o.orderTs(), DmsFormat.orderRow("I", o.orderTs(), o, "placed")));
      CsvFile file =
          items.computeIfAbsent(
              window, w -> new CsvFile(DmsFormat.header(DmsFormat.ITEM_COLUMNS, true)));
      for (OrderLine l : o.lines()) {
        file.row(DmsFormat.itemRow("I", l.createdAt(), l));
      }
    }
    for (Change c : due) {
      orderRows
          .computeIfAbsent(schedule.windowOf(c.change().at()).end(), w -> new ArrayList<>())
          .add(
              new CdcRow(
                  c.change().at(),
                  DmsFormat.orderRow("U", c.change().at(), c.order(), c.change().status())));
    }
    orderRows.forEach(
        (end, rows) -> {
          rows.sort(Comparator.comparing(CdcRow::at));
          CsvFile orders = new CsvFile(DmsFormat.header(DmsFormat.ORDER_COLUMNS, true));
          rows.forEach(r -> orders.row(r.row()));
          putCdc("orders", ordersFolder, end, orders);
        });
    items.forEach((end, file) -> putCdc("order_items", itemsFolder, end, file));
  }

  private void putCdc(String dataset, String folder, Instant end, CsvFile csv) {
    FileSchedule.Window window = new FileSchedule.Window(end, false);
    Instant at = window.availableAt();
    files.csv(dataset, window.date(), folder + CDC_NAME.format(at) + ".csv", csv, at);
  }

  /**
   * Writes the returns of the day whose files are complete by {@code until} from customers still
   * active, one file per window of the schedule, and returns them.
   */
  List<ReturnItem> writeReturns(LocalDate date, Instant until, IntPredicate activeCustomer) {
    List<ReturnItem> due = new ArrayList<>();
    List<ReturnItem> today = returns.computeIfAbsent(date, d -> new ArrayList<>());
    today.removeIf(r -> schedule.complete(r.returnedAt(), until) && due.add(r));
    if (today.isEmpty()) {
      returns.remove(date);
    }
    due.removeIf(r -> !activeCustomer.test(r.customerIndex()));
    due.sort(Comparator.comparing(ReturnItem::returnedAt).thenComparing(ReturnItem::returnId));
    TreeMap<FileSchedule.Window, List<ReturnItem>> byWindow =
        new TreeMap<>(Comparator.comparing(FileSchedule.Window::end));
    due.forEach(
        r ->
            byWindow
                .computeIfAbsent(schedule.windowOf(r.returnedAt()), w -> new ArrayList<>())
                .add(r));
    byWindow.forEach(this::putReturns);
    return due;
  }

  private void putReturns(FileSchedule.Window window, List<ReturnItem> rows) {
    CsvFile csv = new CsvFile(BatchFormats.RETURN_HEADER);
    rows.forEach(r -> csv.row(BatchFormats.returned(r)));
    Instant at = window.availableAt();
    String name =
        "returns_"
            + (window.daily() ? window.date().format(COMPACT) : RETURNS_NAME.format(at))
            + ".csv";
    if (files.csv("returns", window.date(), returnsFolder + name, csv, at)) {
      counts.add("returns", window.date(), Counts.SILVER, rows.size());
    }
  }

  static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}

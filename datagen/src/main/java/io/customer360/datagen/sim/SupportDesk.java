package io.customer360.datagen.sim;

import io.customer360.datagen.random.Draw;
import io.customer360.datagen.random.Seeds;
import io.customer360.datagen.support.TicketDesk;
import io.customer360.datagen.support.TicketUpdate;
import io.customer360.datagen.truth.Counts;
import io.customer360.datagen.world.Customer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Opens support tickets (a small base rate, raised by the day's cancellations, late deliveries and
 * returns), reveals each ticket version on its day as a JSON-lines file, and feeds tickets and
 * satisfaction ratings back into the churn features.
 */
final class SupportDesk {

  private static final double BASE_RATE = 0.0015;
  private static final DateTimeFormatter COMPACT =
      DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

  private final Seeds seeds;
  private final FileEmitter files;
  private final Counts counts;
  private final String folder;
  private final double[] boost;
  private final String[] reason;
  private final TreeMap<LocalDate, List<TicketUpdate>> updates = new TreeMap<>();
  private int dayCounter;

  SupportDesk(Seeds seeds, FileEmitter files, Counts counts, String folder, int customers) {
    this.seeds = seeds;
    this.files = files;
    this.counts = counts;
    this.folder = folder;
    this.boost = new double[customers];
    this.reason = new String[customers];
  }

  /** Raises a customer's chance of opening a ticket today. */
  void trigger(int customer, String category, double extra) {
    boost[customer] += extra;
    reason[customer] = category;
  }

  /** Opens today's tickets among active customers. */
  void open(int dayIndex, LocalDate date, Customer[] customers, ChurnProcess churn) {
    dayCounter = 0;
    Instant dayStart = date.atStartOfDay().toInstant(ZoneOffset.UTC);
    for (int i = 0; i < customers.length; i++) {
      double p = BASE_RATE + boost[i];
      String category = reason[i];
      boost[i] = 0;
      reason[i] = null;
      if (!churn.active(i, date)) {
        continue;
      }
      SplittableRandom rng = seeds.stream("tickets", i, dayIndex);
      if (!Draw.chance(rng, Math.min(0.9, p))) {
        continue;
      }
      String id = String.format(Locale.ROOT, "T%s-%05d", date.format(COMPACT), ++dayCounter);
      String cat =
          category != null
              ? category
              : Draw.pick(rng, new String[] {"billing", "product", "account", "other"});
      Instant created = dayStart.plusSeconds(rng.nextInt(86_400));
      for (TicketUpdate u : TicketDesk.open(id, customers[i], created, cat, rng)) {
        updates.computeIfAbsent(Fulfilment.day(u.updatedAt()), d -> new ArrayList<>()).add(u);
      }
      churn.state(i).ticketOpened();
    }
  }

  /** Writes the ticket versions of the day and applies ratings to the churn features. */
  void write(LocalDate date, ChurnProcess churn) {
    List<TicketUpdate> due = new ArrayList<>(updates.getOrDefault(date, List.of()));
    updates.remove(date);
    if (due.isEmpty()) {
      return;
    }
    due.sort(Comparator.comparing(TicketUpdate::updatedAt).thenComparing(u -> u.ticket().id()));
    List<String> lines = new ArrayList<>(due.size());
    for (TicketUpdate u : due) {
      lines.add(io.customer360.datagen.format.BatchFormats.ticket(u));
      if (u.status().equals("solved") && u.satisfaction() != null) {
        churn.state(u.ticket().customerIndex()).rated(u.satisfaction());
      }
    }
    if (files.jsonLines(
        "support_tickets", date, folder + "tickets_" + date.format(COMPACT) + ".jsonl", lines)) {
      for (TicketUpdate u : due) {
        counts.add("support_tickets", Fulfilment.day(u.ticket().createdAt()), Counts.SILVER, 1);
      }
    }
  }
}

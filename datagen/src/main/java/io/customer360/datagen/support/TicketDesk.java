package io.customer360.datagen.support;

import io.customer360.datagen.random.Draw;
import io.customer360.datagen.world.Customer;
import io.customer360.datagen.world.EmailCase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Opens tickets and decides their life: open, pending, solved (with a satisfaction rating that
 * depends on the customer and on how long it took) and closed.
 */
public final class TicketDesk {

  private static final String[] CHANNELS = {"email", "chat", "phone", "web"};
  private static final String[] PRIORITIES = {"low", "normal", "normal", "high", "urgent"};

  private TicketDesk() {}

  /** Every version of a new ticket, in time order. */
  public static List<TicketUpdate> open(
      String ticketId,
      Customer customer,
      Instant createdAt,
      String category,
      SplittableRandom rng) {
    String email = EmailCase.render(customer.email(), rng);
    Ticket ticket =
        new Ticket(
            ticketId,
            customer.index(),
            customer.id(),
            email,
            createdAt,
            Draw.pick(rng, CHANNELS),
            category,
            Draw.pick(rng, PRIORITIES),
            subject(category, customer));
    Instant pending = createdAt.plusSeconds(600 + rng.nextInt(6 * 3600));
    long hoursToSolve = 2 + rng.nextInt(70);
    Instant solved = pending.plusSeconds(hoursToSolve * 3600);
    Instant closed = solved.plusSeconds(48 * 3600 + rng.nextInt(24 * 3600));
    Integer rating = Draw.chance(rng, 0.7) ? rating(customer, hoursToSolve, rng) : null;
    List<TicketUpdate> updates = new ArrayList<>(4);
    updates.add(new TicketUpdate(ticket, "open", createdAt, null, null));
    updates.add(new TicketUpdate(ticket, "pending", pending, null, null));
    updates.add(new TicketUpdate(ticket, "solved", solved, solved, rating));
    updates.add(new TicketUpdate(ticket, "closed", closed, solved, rating));
    return updates;
  }

  private static int rating(Customer customer, long hoursToSolve, SplittableRandom rng) {
    double score =
        4.2 + customer.traits().satisfactionBias() - hoursToSolve / 30.0 + 0.7 * Draw.gaussian(rng);
    return (int) Math.max(1, Math.min(5, Math.round(score)));
  }

  private static String subject(String category, Customer customer) {
    return switch (category) {
      case "delivery" -> "Where is my order? " + customer.firstName() + " at " + customer.street();
      case "returns" -> "Refund for my return";
      case "billing" -> "Charged twice";
      case "product" -> "Widget stopped working";
      case "account" -> "Cannot log in as " + customer.email().toUpperCase(Locale.ROOT);
      default -> "Question";
    };
  }
}

package io.customer360.datagen.churn;

import io.customer360.datagen.random.Draw;
import io.customer360.datagen.world.Customer;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The running churn features of one customer, updated once a day from the day's activity, and
 * whether and when the customer churned.
 */
public final class ChurnState {

  private static final double DECAY_90 = Math.exp(-1.0 / 90);
  private static final double DECAY_30 = Math.exp(-1.0 / 30);

  private double recencyDays;
  private double frequency;
  private double spendShort;
  private double spendLong;
  private double returns;
  private double tickets;
  private double satisfaction;
  private double tenureDays;
  private int ordersToday;
  private double spendToday;
  private LocalDate churnDate;

  /** The state before the simulation, drawn from the customer's traits (its pre-history). */
  public static ChurnState initial(Customer customer, LocalDate start, SplittableRandom rng) {
    Customer.Traits t = customer.traits();
    ChurnState s = new ChurnState();
    double monthlyOrders = 0.9 * t.engagement() * t.buyPropensity() * 2;
    s.recencyDays =
        Math.min(365, -Math.log(1 - rng.nextDouble()) * 30 / Math.max(0.05, monthlyOrders));
    s.frequency = Draw.poisson(rng, 3 * monthlyOrders);
    double dailySpend = s.frequency * 60 / 90.0;
    s.spendLong = dailySpend;
    s.spendShort = dailySpend * Math.exp(0.5 * Draw.gaussian(rng));
    s.returns = Draw.poisson(rng, s.frequency * t.returnPropensity() * 1.5);
    s.tickets = Draw.poisson(rng, 0.3 + 0.2 * s.returns);
    s.satisfaction = Math.max(1, Math.min(5, 4 + 0.5 * t.satisfactionBias()));
    s.tenureDays = start.toEpochDay() - customer.signupDate().toEpochDay();
    return s;
  }

  /** Records an order placed today. */
  public void ordered(double amount) {
    ordersToday++;
    spendToday += amount;
  }

  /** Records a returned line today. */
  public void returned() {
    returns += 1;
  }

  /** Records a ticket opened today. */
  public void ticketOpened() {
    tickets += 1;
  }

  /** Records a satisfaction rating. */
  public void rated(int rating) {
    satisfaction = 0.6 * satisfaction + 0.4 * rating;
  }

  /** Rolls the features over to the end of the day. */
  public void endDay() {
    recencyDays = ordersToday > 0 ? 0 : recencyDays + 1;
    frequency = frequency * DECAY_90 + ordersToday;
    spendShort = spendShort * DECAY_30 + spendToday * (1 - DECAY_30);
    spendLong = spendLong * DECAY_90 + spendToday * (1 - DECAY_90);
    returns *= DECAY_90;
    tickets *= DECAY_90;
    tenureDays += 1;
    ordersToday = 0;
    spendToday = 0;
  }

  /** The features as they stand. */
  public ChurnFeatures features() {
    return new ChurnFeatures(
        recencyDays, frequency, spendShort, spendLong, returns, tickets, satisfaction, tenureDays);
  }

  /** Marks the customer churned on this day; they do nothing from the next day on. */
  public void churn(LocalDate date) {
    churnDate = date;
  }

  /** Whether the customer churned before this day. */
  public boolean churnedBefore(LocalDate date) {
    return churnDate != null && churnDate.isBefore(date);
  }

  /** The churn day, or null. */
  public LocalDate churnDate() {
    return churnDate;
  }
}

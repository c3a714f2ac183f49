package io.customer360.datagen.sim;

import io.customer360.datagen.churn.ChurnFeatures;
import io.customer360.datagen.churn.ChurnModel;
import io.customer360.datagen.churn.ChurnState;
import io.customer360.datagen.random.Seeds;
import io.customer360.datagen.truth.RocAuc;
import io.customer360.datagen.world.Customer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Runs the churn process over the population. Up to the snapshot day the daily hazard follows the
 * features; at the snapshot it is frozen for the horizon (the last {@code H} days), so each
 * customer's true probability of churning in the horizon is exactly {@code 1 − (1 − h)^H} and the
 * label is a draw from it.
 */
final class ChurnProcess {

  private final Seeds seeds;
  private final Customer[] customers;
  private final ChurnState[] states;
  private final int horizonDays;
  private final int snapshotDay;
  private final LocalDate snapshotDate;
  private final double[] frozenHazard;
  private final boolean[] activeAtSnapshot;
  private final ChurnFeatures[] snapshot;

  ChurnProcess(Seeds seeds, Customer[] customers, LocalDate start, int days) {
    this.seeds = seeds;
    this.customers = customers;
    this.states = new ChurnState[customers.length];
    for (int i = 0; i < customers.length; i++) {
      states[i] = ChurnState.initial(customers[i], start, seeds.stream("churn-init", i));
    }
    this.horizonDays = Math.max(1, Math.min(30, days / 3));
    this.snapshotDay = days - horizonDays;
    this.snapshotDate = start.plusDays(snapshotDay);
    this.frozenHazard = new double[customers.length];
    this.activeAtSnapshot = new boolean[customers.length];
    this.snapshot = new ChurnFeatures[customers.length];
    if (snapshotDay == 0) {
      takeSnapshot();
    }
  }

  ChurnState state(int customer) {
    return states[customer];
  }

  /** Whether the customer still acts on this day. */
  boolean active(int customer, LocalDate date) {
    return !states[customer].churnedBefore(date);
  }

  /** Closes a day: rolls features, draws churn, takes the snapshot before the horizon starts. */
  void endDay(int dayIndex, LocalDate date) {
    for (int i = 0; i < customers.length; i++) {
      ChurnState s = states[i];
      if (s.churnDate() != null) {
        continue;
      }
      s.endDay();
      double hazard =
          dayIndex >= snapshotDay
              ? frozenHazard[i]
              : ChurnModel.dailyHazard(s.features(), customers[i].traits().frailty());
      if (seeds.stream("churn", i, dayIndex).nextDouble() < hazard) {
        s.churn(date);
      }
    }
    if (dayIndex + 1 == snapshotDay) {
      takeSnapshot();
    }
  }

  private void takeSnapshot() {
    for (int i = 0; i < customers.length; i++) {
      activeAtSnapshot[i] = states[i].churnDate() == null;
      snapshot[i] = states[i].features();
      frozenHazard[i] = ChurnModel.dailyHazard(snapshot[i], customers[i].traits().frailty());
    }
  }

  private double probability(int i) {
    return ChurnModel.horizonProbability(frozenHazard[i], horizonDays);
  }

  private boolean label(int i) {
    return activeAtSnapshot[i] && states[i].churnDate() != null;
  }

  /** The AUC of the true probabilities against the labels over customers active at the snapshot. */
  double bestAuc() {
    int n = 0;
    for (boolean a : activeAtSnapshot) {
      n += a ? 1 : 0;
    }
    double[] scores = new double[n];
    boolean[] labels = new boolean[n];
    int k = 0;
    for (int i = 0; i < customers.length; i++) {
      if (activeAtSnapshot[i]) {
        scores[k] = probability(i);
        labels[k++] = label(i);
      }
    }
    return RocAuc.of(scores, labels);
  }

  int horizonDays() {
    return horizonDays;
  }

  LocalDate snapshotDate() {
    return snapshotDate;
  }

  /** Customers who churned in the horizon. */
  long churners() {
    long n = 0;
    for (int i = 0; i < customers.length; i++) {
      n += label(i) ? 1 : 0;
    }
    return n;
  }

  /** The labels file. */
  byte[] labelsCsv() {
    StringBuilder out =
        new StringBuilder(
            "customer_id,snapshot_date,horizon_days,active_at_snapshot,true_probability,churned,churn_date,"
                + "recency_days,frequency,spend_trend,returns,tickets,satisfaction,tenure_days\n");
    for (int i = 0; i < customers.length; i++) {
      ChurnFeatures f = snapshot[i];
      LocalDate churned = states[i].churnDate();
      out.append(customers[i].id())
          .append(',')
          .append(snapshotDate)
          .append(',')
          .append(horizonDays)
          .append(',')
          .append(activeAtSnapshot[i])
          .append(',')
          .append(String.format(Locale.ROOT, "%.8f", probability(i)))
          .append(',')
          .append(label(i) ? 1 : 0)
          .append(',')
          .append(churned == null ? "" : churned.toString())
          .append(',')
          .append(
              String.format(
                  Locale.ROOT,
                  "%.2f,%.4f,%.4f,%.4f,%.4f,%.4f,%.0f",
                  f.recencyDays(),
                  f.frequency(),
                  f.spendTrend(),
                  f.returns(),
                  f.tickets(),
                  f.satisfaction(),
                  f.tenureDays()))
          .append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}

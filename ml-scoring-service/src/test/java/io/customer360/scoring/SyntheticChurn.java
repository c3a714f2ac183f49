package io.customer360.scoring;

import io.customer360.scoring.features.FeatureColumn;
import io.customer360.scoring.features.FeatureFrame;
import io.customer360.scoring.features.FeatureSchema;
import io.customer360.scoring.features.FeatureType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded logistic churn process with known true probabilities: customers evolve daily (recency,
 * orders, spend trend, satisfaction, open tickets, tenure) plus an unobserved frailty; each
 * snapshot's label is a Bernoulli draw of {@code sigmoid(logit)}. The last {@code unlabelledDays}
 * snapshots have no label yet, as in the warehouse while the horizon is not over.
 */
public final class SyntheticChurn {

  /** The observable feature columns, in table order. */
  public static final FeatureSchema SCHEMA =
      new FeatureSchema(
          List.of(
              new FeatureColumn("tenure_days", FeatureType.INT),
              new FeatureColumn("recency_days", FeatureType.INT),
              new FeatureColumn("orders_90d", FeatureType.INT),
              new FeatureColumn("spend_trend", FeatureType.FLOAT),
              new FeatureColumn("avg_satisfaction", FeatureType.FLOAT),
              new FeatureColumn("has_open_ticket", FeatureType.INDICATOR),
              new FeatureColumn("noise", FeatureType.FLOAT)));

  /** One snapshot row. */
  public record Row(
      String customerId,
      LocalDate snapshotDate,
      int tenureDays,
      Integer recencyDays,
      int orders90d,
      double spendTrend,
      Double avgSatisfaction,
      boolean hasOpenTicket,
      double noise,
      String segment,
      double trueProbability,
      Boolean churnLabel) {

    float[] values() {
      return new float[] {
        tenureDays,
        recencyDays == null ? Float.NaN : recencyDays,
        orders90d,
        (float) spendTrend,
        avgSatisfaction == null ? Float.NaN : avgSatisfaction.floatValue(),
        hasOpenTicket ? 1f : 0f,
        (float) noise
      };
    }
  }

  private SyntheticChurn() {}

  /** Generates {@code customers × days} rows, deterministically from {@code seed}. */
  public static List<Row> generate(
      int customers, int days, int unlabelledDays, LocalDate start, long seed) {
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>(customers * days);
    for (int c = 0; c < customers; c++) {
      String id = String.format("C%07d", c + 1);
      int tenure = 30 + random.nextInt(1500);
      double frailty = random.nextGaussian();
      double engagement = Math.exp(0.6 * random.nextGaussian() - 0.3 * frailty);
      Integer recency = random.nextDouble() < 0.1 ? null : random.nextInt(60);
      int[] orderDays = new int[90];
      double trend = 0.3 * random.nextGaussian();
      Double satisfaction = random.nextDouble() < 0.15 ? null : 3.2 + 1.6 * random.nextDouble();
      boolean ticket = random.nextDouble() < 0.1;
      String segment = random.nextBoolean() ? "gold" : "silver";
      for (int d = 0; d < days; d++) {
        boolean ordered = random.nextDouble() < 0.03 * engagement;
        orderDays[d % 90] = ordered ? 1 : 0;
        recency = ordered ? Integer.valueOf(0) : recency == null ? null : recency + 1;
        trend = 0.9 * trend + 0.1 * (ordered ? 1.0 : -0.2) + 0.05 * random.nextGaussian();
        if (satisfaction != null && random.nextDouble() < 0.05) {
          satisfaction = Math.max(1, Math.min(5, satisfaction + 0.5 * random.nextGaussian()));
        }
        ticket = random.nextDouble() < (ticket ? 0.8 : 0.03);
        int orders = 0;
        for (int o : orderDays) {
          orders += o;
        }
        double logit =
            -2.6
                + 0.9 * Math.min(recency == null ? 90 : recency, 90) / 30.0
                - 0.5 * Math.log1p(orders)
                - 0.8 * trend
                + 0.7 * (4 - (satisfaction == null ? 3.8 : satisfaction))
                + 0.8 * (ticket ? 1 : 0)
                - 0.15 * Math.min((tenure + d) / 365.0, 5)
                + (recency != null && recency > 45 && satisfaction != null && satisfaction < 3.5
                    ? 1.0
                    : 0)
                + 0.5 * frailty;
        double p = 1 / (1 + Math.exp(-logit));
        boolean label = random.nextDouble() < p;
        rows.add(
            new Row(
                id,
                start.plusDays(d),
                tenure + d,
                recency,
                orders,
                trend,
                satisfaction,
                ticket,
                random.nextGaussian(),
                segment,
                p,
                d >= days - unlabelledDays ? null : label));
      }
    }
    return rows;
  }

  /** The rows as a frame with {@link #SCHEMA}. */
  public static FeatureFrame frame(List<Row> rows) {
    int w = SCHEMA.size();
    float[] values = new float[rows.size() * w];
    float[] labels = new float[rows.size()];
    List<String> ids = new ArrayList<>(rows.size());
    List<LocalDate> dates = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      System.arraycopy(r.values(), 0, values, i * w, w);
      labels[i] = r.churnLabel() == null ? Float.NaN : r.churnLabel() ? 1f : 0f;
      ids.add(r.customerId());
      dates.add(r.snapshotDate());
    }
    return new FeatureFrame(SCHEMA, ids, dates, values, labels);
  }

  /**
   * Creates {@code schema.customer_features} and {@code schema.churn_scores} (the columns of
   * warehouse-loader's V4 migration for the parts this service reads and writes) and loads rows.
   */
  public static void load(String jdbcUrl, String user, String schema, List<Row> rows)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, "")) {
      try (Statement st = c.createStatement()) {
        st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        st.execute("CREATE SCHEMA " + schema);
        st.execute(
            "CREATE TABLE "
                + schema
                + ".customer_features (customer_id VARCHAR(64) NOT NULL, snapshot_date DATE NOT"
                + " NULL, tenure_days INTEGER NOT NULL, recency_days INTEGER, orders_90d INTEGER"
                + " NOT NULL, spend_trend DOUBLE PRECISION NOT NULL, avg_satisfaction NUMERIC(4,2),"
                + " has_open_ticket BOOLEAN NOT NULL, noise DOUBLE PRECISION NOT NULL,"
                + " segment VARCHAR(16) NOT NULL, churn_label BOOLEAN, load_batch_id"
                + " VARCHAR(128) NOT NULL, PRIMARY KEY (snapshot_date, customer_id))");
        st.execute(
            "CREATE INDEX customer_features_customer_ix ON "
                + schema
                + ".customer_features (customer_id, snapshot_date)");
        st.execute(
            "CREATE TABLE "
                + schema
                + ".churn_scores (customer_id VARCHAR(64) NOT NULL, feature_snapshot_date DATE"
                + " NOT NULL, model_version VARCHAR(64) NOT NULL, scored_at TIMESTAMPTZ NOT NULL,"
                + " score DOUBLE PRECISION NOT NULL, risk_band VARCHAR(16) NOT NULL, top_features"
                + " VARCHAR(4096), PRIMARY KEY (customer_id, feature_snapshot_date,"
                + " model_version))");
      }
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO "
                  + schema
                  + ".customer_features VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'synthetic')")) {
        int n = 0;
        for (Row r : rows) {
          ps.setString(1, r.customerId());
          ps.setObject(2, r.snapshotDate());
          ps.setInt(3, r.tenureDays());
          ps.setObject(4, r.recencyDays(), Types.INTEGER);
          ps.setInt(5, r.orders90d());
          ps.setDouble(6, r.spendTrend());
          ps.setObject(
              7,
              r.avgSatisfaction() == null
                  ? null
                  : java.math.BigDecimal.valueOf(r.avgSatisfaction())
                      .setScale(2, java.math.RoundingMode.HALF_UP),
              Types.NUMERIC);
          ps.setBoolean(8, r.hasOpenTicket());
          ps.setDouble(9, r.noise());
          ps.setString(10, r.segment());
          ps.setObject(11, r.churnLabel(), Types.BOOLEAN);
          ps.addBatch();
          if (++n % 2000 == 0) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
      }
      c.commit();
    }
  }
}

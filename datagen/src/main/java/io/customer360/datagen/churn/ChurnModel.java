package io.customer360.datagen.churn;

import io.customer360.datagen.random.Draw;

/**
 * The latent daily churn hazard. {@code logit(h) = B0 + B_RECENCY·min(recency,180)/30 −
 * B_FREQUENCY·ln(1+frequency) − B_TREND·trend + B_RETURNS·returns + B_TICKETS·tickets +
 * B_SATISFACTION·(4 − satisfaction) − B_TENURE·min(tenure years, 5) + B_FRAILTY·frailty}, where
 * frailty is the customer's standard-normal unobservable noise.
 */
public final class ChurnModel {

  static final double B0 = -6.2;
  static final double B_RECENCY = 0.45;
  static final double B_FREQUENCY = 0.6;
  static final double B_TREND = 0.5;
  static final double B_RETURNS = 0.35;
  static final double B_TICKETS = 0.3;
  static final double B_SATISFACTION = 0.45;
  static final double B_TENURE = 0.12;
  static final double B_FRAILTY = 0.6;

  private ChurnModel() {}

  /** The daily probability of churning given the features and the frailty. */
  public static double dailyHazard(ChurnFeatures f, double frailty) {
    double logit =
        B0
            + B_RECENCY * Math.min(f.recencyDays(), 180) / 30.0
            - B_FREQUENCY * Math.log1p(f.frequency())
            - B_TREND * f.spendTrend()
            + B_RETURNS * f.returns()
            + B_TICKETS * f.tickets()
            + B_SATISFACTION * (4.0 - f.satisfaction())
            - B_TENURE * Math.min(f.tenureDays() / 365.0, 5.0)
            + B_FRAILTY * frailty;
    return Draw.sigmoid(logit);
  }

  /** Probability of churning within {@code days} days at a constant daily hazard. */
  public static double horizonProbability(double dailyHazard, int days) {
    return 1.0 - Math.pow(1.0 - dailyHazard, days);
  }
}

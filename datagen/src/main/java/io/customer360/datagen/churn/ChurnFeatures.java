package io.customer360.datagen.churn;

/**
 * The observable churn drivers of one customer on one day. Counts decay exponentially with a 90-day
 * time constant ("last 90 days", without keeping history); spend has a 30-day and a 90-day average
 * so their ratio is a trend.
 *
 * @param recencyDays days since the last order
 * @param frequency decayed number of orders
 * @param spendShort decayed spend, 30-day constant, USD per day
 * @param spendLong decayed spend, 90-day constant, USD per day
 * @param returns decayed number of returned lines
 * @param tickets decayed number of support tickets
 * @param satisfaction running average satisfaction rating (starts at 4)
 * @param tenureDays days since signup
 */
public record ChurnFeatures(
    double recencyDays,
    double frequency,
    double spendShort,
    double spendLong,
    double returns,
    double tickets,
    double satisfaction,
    double tenureDays) {

  /** log((short + 1) / (long + 1)): positive when spend grows. */
  public double spendTrend() {
    return Math.log((spendShort + 1) / (spendLong + 1));
  }
}

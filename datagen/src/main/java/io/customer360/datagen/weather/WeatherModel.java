package io.customer360.datagen.weather;

import io.customer360.datagen.random.Draw;
import io.customer360.datagen.random.Seeds;
import io.customer360.datagen.world.ZipArea;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Seasonal daily weather per zip code. The observation of a day is a pure function of the seed, the
 * zip code and the date, so forecasts can be derived from the observation they predict plus an
 * error that grows with the lead time.
 */
public final class WeatherModel {

  /** Days ahead that each day's forecasts cover. */
  public static final int FORECAST_DAYS = 3;

  private final Seeds seeds;

  public WeatherModel(Seeds seeds) {
    this.seeds = seeds;
  }

  /** The observed weather of a day. */
  public DailyWeather observed(ZipArea area, LocalDate date) {
    double mean =
        seasonalMean(area, date)
            + 0.7 * anomaly(area, date)
            + 0.5 * anomaly(area, date.minusDays(1));
    SplittableRandom rng = seeds.stream("weather-obs", zipNumber(area), date.toEpochDay());
    double spread = 7 + 3 * rng.nextDouble();
    double rainChance = 0.12 + 0.35 * area.wetness();
    double precip = rng.nextDouble() < rainChance ? Math.exp(Draw.gaussian(rng) - 1.6) : 0.0;
    return build(area, date, "observed", date, mean + spread, mean - spread, precip, rng);
  }

  /** The forecast for {@code date} issued on {@code issued}, before it. */
  public DailyWeather forecast(ZipArea area, LocalDate date, LocalDate issued) {
    DailyWeather truth = observed(area, date);
    long lead = date.toEpochDay() - issued.toEpochDay();
    SplittableRandom rng = seeds.stream("weather-fc", zipNumber(area), date.toEpochDay(), lead);
    double error = 1.5 * lead * Draw.gaussian(rng);
    double precip = truth.precipitationIn();
    if (rng.nextDouble() < 0.12 * lead) {
      precip = precip > 0 ? 0.0 : 0.05 + 0.3 * rng.nextDouble();
    }
    return build(
        area,
        date,
        "forecast",
        issued,
        truth.tempMaxF() + error,
        truth.tempMinF() + error,
        precip,
        rng);
  }

  private static DailyWeather build(
      ZipArea area,
      LocalDate date,
      String kind,
      LocalDate issued,
      double max,
      double min,
      double precip,
      SplittableRandom rng) {
    double high = round(max, 10);
    double low = round(min, 10);
    double rain = round(precip, 100);
    return new DailyWeather(
        area.zip(), date, kind, issued, high, low, rain, condition(high, rain, rng));
  }

  private static String condition(double high, double precip, SplittableRandom rng) {
    if (precip > 0) {
      if (precip >= 1.0) {
        return "storm";
      }
      return high <= 34 ? "snow" : "rain";
    }
    return rng.nextDouble() < 0.55 ? "sunny" : "cloudy";
  }

  private static double seasonalMean(ZipArea area, LocalDate date) {
    double annual = 90 - 0.9 * area.latitude();
    double amplitude = 0.6 * area.latitude() - 5;
    double phase = 2 * Math.PI * (date.getDayOfYear() - 15) / 365.25;
    return annual - amplitude * Math.cos(phase);
  }

  private double anomaly(ZipArea area, LocalDate date) {
    return 6 * Draw.gaussian(seeds.stream("weather-anomaly", zipNumber(area), date.toEpochDay()));
  }

  private static long zipNumber(ZipArea area) {
    return Long.parseLong(area.zip());
  }

  private static double round(double value, int scale) {
    return Math.round(value * scale) / (double) scale;
  }
}

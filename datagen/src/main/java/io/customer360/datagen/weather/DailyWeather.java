package io.customer360.datagen.weather;

import java.time.LocalDate;

/**
 * One weather row: an observation, or a forecast issued on an earlier day.
 *
 * @param zip zip code
 * @param date the day the weather is about
 * @param kind observed or forecast
 * @param issued when the provider issued the row (the day itself for observations)
 * @param tempMaxF daily high, °F, one decimal
 * @param tempMinF daily low, °F, one decimal
 * @param precipitationIn precipitation, inches, two decimals
 * @param condition sunny, cloudy, rain, snow or storm
 */
public record DailyWeather(
    String zip,
    LocalDate date,
    String kind,
    LocalDate issued,
    double tempMaxF,
    double tempMinF,
    double precipitationIn,
    String condition) {

  /** Whether it rains, snows or storms. */
  public boolean wet() {
    return precipitationIn > 0;
  }
}

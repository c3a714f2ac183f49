package io.customer360.loader.warehouse;

import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Keeps {@code warehouse.dim_date} holding every day a batch loads data for. Day attributes are
 * computed here, the same on both flavours (Redshift cannot generate series into tables).
 */
public final class DateDimension {

  private static final String INSERT =
      "INSERT INTO warehouse.dim_date (date_key, calendar_date, year, quarter, month, month_name,"
          + " year_month, first_day_of_month, iso_year, iso_week, day_of_month, day_of_week,"
          + " day_name, is_weekend) SELECT ?, CAST(? AS DATE), ?, ?, ?, ?, ?, CAST(? AS DATE), ?, ?,"
          + " ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM warehouse.dim_date WHERE date_key = ?)";

  private final WarehouseFlavour flavour;

  public DateDimension(WarehouseFlavour flavour) {
    this.flavour = flavour;
  }

  /** The yyyymmdd key of a day. */
  public static int key(LocalDate day) {
    return day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
  }

  /** Adds the days not yet present, under a lock so concurrent loads do not add one twice. */
  public void ensure(Connection connection, Collection<LocalDate> days) {
    if (days.isEmpty()) {
      return;
    }
    Sql.of(flavour.lock("dim_date")).execute(connection);
    for (LocalDate day : new TreeSet<>(days)) {
      row(day).execute(connection);
    }
  }

  static Sql row(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    return Sql.of(
        INSERT,
        key(day),
        day.toString(),
        day.getYear(),
        (day.getMonthValue() - 1) / 3 + 1,
        day.getMonthValue(),
        day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
        String.format(Locale.ROOT, "%04d-%02d", day.getYear(), day.getMonthValue()),
        day.withDayOfMonth(1).toString(),
        day.get(IsoFields.WEEK_BASED_YEAR),
        day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
        day.getDayOfMonth(),
        weekday.getValue(),
        weekday.getDisplayName(TextStyle.FULL, Locale.ENGLISH),
        weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY,
        key(day));
  }
}

package io.customer360.datagen.format;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The timestamp renderings used in the outputs, each one of its contract's formats. */
public final class Timestamps {

  /** ISO-8601 with milliseconds and offset, e.g. {@code 2026-01-01T10:15:30.123Z}. */
  public static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** Space-separated with milliseconds, e.g. {@code 2026-01-01 10:15:30.123}. */
  public static final DateTimeFormatter SPACE_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** Space-separated seconds, e.g. {@code 2026-01-01 10:15:30}. */
  public static final DateTimeFormatter SPACE_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** US style, e.g. {@code 01/31/2026 10:15:30}. */
  public static final DateTimeFormatter US_SECONDS =
      DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** DMS change timestamps with microseconds, e.g. {@code 2026-01-01 10:15:30.123000}. */
  public static final DateTimeFormatter DMS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** Apache {@code %t} without brackets, in the web server's zone. */
  public static final DateTimeFormatter APACHE =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

  private Timestamps() {}

  /** ISO rendering of an instant. */
  public static String iso(Instant instant) {
    return ISO_MILLIS.format(instant);
  }
}

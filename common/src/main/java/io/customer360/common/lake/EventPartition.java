package io.customer360.common.lake;

import io.customer360.common.contract.PartitionGranularity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A silver event-time partition: a UTC date, and an hour for hourly datasets.
 *
 * @param date UTC event date
 * @param hour UTC hour 0–23, or empty for daily partitions
 */
public record EventPartition(LocalDate date, Optional<Integer> hour) {

  public EventPartition {
    hour.ifPresent(
        h -> {
          if (h < 0 || h > 23) {
            throw new IllegalArgumentException("Event hour must be 0-23: " + h);
          }
        });
  }

  /** The daily partition of a date. */
  public static EventPartition daily(LocalDate date) {
    return new EventPartition(date, Optional.empty());
  }

  /** The partition an event at {@code eventTime} belongs to. */
  public static EventPartition of(Instant eventTime, PartitionGranularity granularity) {
    ZonedDateTime utc = eventTime.atZone(ZoneOffset.UTC);
    return new EventPartition(
        utc.toLocalDate(),
        granularity == PartitionGranularity.HOUR ? Optional.of(utc.getHour()) : Optional.empty());
  }

  /** Partition directories, e.g. {@code [event_date=2024-05-01, event_hour=07]}. */
  public List<Partition> partitions() {
    List<Partition> parts = new ArrayList<>(2);
    parts.add(new Partition("event_date", date.toString()));
    hour.ifPresent(h -> parts.add(new Partition("event_hour", String.format("%02d", h))));
    return parts;
  }

  @Override
  public String toString() {
    return String.join("/", partitions().stream().map(Partition::toString).toList());
  }
}

package io.customer360.datagen.truth;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact counts per dataset, day and metric. Written as {@code counts.csv} with columns {@code
 * dataset,date,metric,value}, sorted.
 */
public final class Counts {

  /** Physical records sent (stream records or data rows), faults and re-sends included. */
  public static final String SENT = "sent_records";

  /** Valid records sent for the first time (late and out-of-order ones included). */
  public static final String VALID = "valid_records";

  /** Distinct valid records silver must hold, by event date. */
  public static final String SILVER = "silver_records";

  /** Files put (a re-sent file counts once). */
  public static final String FILES = "files";

  private final Map<String, Long> values = new TreeMap<>();

  /** Adds to a count. */
  public void add(String dataset, LocalDate date, String metric, long delta) {
    if (delta != 0) {
      values.merge(dataset + "," + date + "," + metric, delta, Long::sum);
    }
  }

  /** One count (0 when never added). */
  public long get(String dataset, LocalDate date, String metric) {
    return values.getOrDefault(dataset + "," + date + "," + metric, 0L);
  }

  /** The sum of a metric over all days. */
  public long total(String dataset, String metric) {
    String prefix = dataset + ",";
    String suffix = "," + metric;
    return values.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix) && e.getKey().endsWith(suffix))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** The counts as CSV. */
  public byte[] csv() {
    StringBuilder out = new StringBuilder("dataset,date,metric,value\n");
    values.forEach((key, value) -> out.append(key).append(',').append(value).append('\n'));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}

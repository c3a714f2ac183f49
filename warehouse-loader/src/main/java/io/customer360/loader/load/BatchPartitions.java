package io.customer360.loader.load;

import io.customer360.common.gold.ModelContract;
import io.customer360.loader.failure.LoadFailedException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The partitions a batch of a partition-replaced model announces, each {@code
 * {partitionedBy}=YYYY-MM-DD}, by date.
 *
 * @param column the model's partition column
 * @param byDate each partition's spec by its date
 */
record BatchPartitions(String column, SortedMap<LocalDate, String> byDate) {

  BatchPartitions {
    byDate = new TreeMap<>(byDate);
  }

  /**
   * Parses the announced partitions of a partition-replaced model.
   *
   * @throws LoadFailedException when there are none, or one is not {@code column=YYYY-MM-DD}
   */
  static BatchPartitions parse(ModelContract model, List<String> partitions) {
    String column = model.partitionColumn().orElseThrow();
    if (partitions.isEmpty()) {
      throw LoadFailedException.permanent(
          "invalid_partition", model.name() + " batch announces no partitions");
    }
    SortedMap<LocalDate, String> byDate = new TreeMap<>();
    for (String partition : partitions) {
      LocalDate date = parseOne(column, partition, model.name());
      byDate.put(date, spec(column, date));
    }
    return new BatchPartitions(column, byDate);
  }

  /** {@code column=YYYY-MM-DD}. */
  static String spec(String column, LocalDate date) {
    return column + "=" + date;
  }

  /** The partitions of these dates. */
  BatchPartitions only(Collection<LocalDate> dates) {
    SortedMap<LocalDate, String> kept = new TreeMap<>();
    dates.forEach(date -> kept.put(date, byDate.get(date)));
    return new BatchPartitions(column, kept);
  }

  List<LocalDate> dates() {
    return new ArrayList<>(byDate.keySet());
  }

  List<String> specs() {
    return new ArrayList<>(byDate.values());
  }

  boolean isEmpty() {
    return byDate.isEmpty();
  }

  private static LocalDate parseOne(String column, String partition, String model) {
    String prefix = column + "=";
    if (partition == null || !partition.startsWith(prefix)) {
      throw LoadFailedException.permanent(
          "invalid_partition",
          model + " partition '" + partition + "' is not " + prefix + "YYYY-MM-DD");
    }
    try {
      return LocalDate.parse(partition.substring(prefix.length()));
    } catch (DateTimeParseException e) {
      throw LoadFailedException.permanent(
          "invalid_partition",
          model + " partition '" + partition + "' is not " + prefix + "YYYY-MM-DD");
    }
  }
}

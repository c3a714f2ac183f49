package io.customer360.common.lake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A key in the lake bucket, built only through factories that produce the layout of
 * ARCHITECTURE.md:
 *
 * <pre>
 * landing/{source}/…
 * bronze/{dataset}/ingest_date=YYYY-MM-DD/ingest_hour=HH/{name}
 * silver/{dataset}/event_date=YYYY-MM-DD/[event_hour=HH/]{name}
 * quarantine/{dataset}/ingest_date=YYYY-MM-DD/{name}
 * gold/{model}/{partition…}/{name}
 * models/{model}/{version}/{name}
 * </pre>
 *
 * @param zone top-level prefix
 * @param dataset dataset, model or (for landing) source sub-path such as {@code dms/orders}
 * @param directories directories between the dataset and the name: partitions, or a model version
 * @param name the object's own name
 */
public record LakePath(LakeZone zone, String dataset, List<String> directories, String name) {

  /** The partition of bronze and quarantine objects by the UTC day they were ingested. */
  public static final String INGEST_DATE = "ingest_date";

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._=+@,-][A-Za-z0-9._=+@, -]*");
  private static final Pattern DATASET = Pattern.compile("[a-z][a-z0-9_]*");

  public LakePath {
    directories = List.copyOf(directories);
    requireSegment(name, "object name");
    for (String dir : directories) {
      requireSegment(dir, "directory");
    }
    if (zone == LakeZone.LANDING) {
      for (String part : dataset.split("/", -1)) {
        requireSegment(part, "landing source");
      }
    } else if (!DATASET.matcher(dataset).matches()) {
      throw new IllegalArgumentException(
          "Dataset or model name must be snake_case, got '" + dataset + "'");
    }
  }

  /** A file dropped by a producer under {@code landing/{source}/}. */
  public static LakePath landing(String source, String fileName) {
    return new LakePath(LakeZone.LANDING, source, List.of(), fileName);
  }

  /** A bronze object, in the UTC ingest hour of {@code ingestedAt}. */
  public static LakePath bronze(String dataset, Instant ingestedAt, String name) {
    return new LakePath(LakeZone.BRONZE, dataset, ingestPartitions(ingestedAt, true), name);
  }

  /** A silver Parquet file in its event-time partition. */
  public static LakePath silver(String dataset, EventPartition partition, String name) {
    return new LakePath(LakeZone.SILVER, dataset, strings(partition.partitions()), name);
  }

  /** A quarantine file of records rejected on {@code ingestDate}. */
  public static LakePath quarantine(String dataset, LocalDate ingestDate, String name) {
    return new LakePath(
        LakeZone.QUARANTINE, dataset, List.of(ingestDay(ingestDate).toString()), name);
  }

  /** A gold file of a curated model. */
  public static LakePath gold(String model, List<Partition> partitions, String name) {
    return new LakePath(LakeZone.GOLD, model, strings(partitions), name);
  }

  /** An artifact of one version of a model in the registry. */
  public static LakePath model(String model, String version, String name) {
    return new LakePath(LakeZone.MODELS, model, List.of(version), name);
  }

  /**
   * Parses a key and checks it against the layout.
   *
   * @throws IllegalArgumentException saying what part of the key does not fit
   */
  public static LakePath of(String key) {
    if (key == null || key.startsWith("/") || key.endsWith("/") || key.contains("//")) {
      throw new IllegalArgumentException("Not a lake object key: '" + key + "'");
    }
    List<String> parts = Arrays.asList(key.split("/"));
    LakeZone zone =
        LakeZone.ofPrefix(parts.get(0))
            .orElseThrow(
                () -> new IllegalArgumentException("Unknown lake zone in key '" + key + "'"));
    if (parts.size() < 3) {
      throw new IllegalArgumentException("Lake key needs zone, dataset and name: '" + key + "'");
    }
    String name = parts.get(parts.size() - 1);
    if (zone == LakeZone.LANDING) {
      return landing(String.join("/", parts.subList(1, parts.size() - 1)), name);
    }
    List<String> dirs = parts.subList(2, parts.size() - 1);
    LakePath path = new LakePath(zone, parts.get(1), dirs, name);
    if (zone != LakeZone.MODELS) {
      path.partitions(); // every directory of a partitioned zone must be name=value
    }
    return path;
  }

  /** The object key. */
  public String key() {
    StringBuilder key = new StringBuilder(zone.prefix()).append('/').append(dataset).append('/');
    for (String dir : directories) {
      key.append(dir).append('/');
    }
    return key.append(name).toString();
  }

  /** The directories parsed as {@code name=value} partitions. */
  public List<Partition> partitions() {
    return directories.stream().map(Partition::parse).toList();
  }

  /** The key of the folder holding this object, ending in {@code /}. */
  public String folder() {
    String key = key();
    return key.substring(0, key.length() - name.length());
  }

  /** The prefix of every object of a dataset in a zone, e.g. {@code silver/orders/}. */
  public static String prefix(LakeZone zone, String dataset) {
    return zone.prefix() + "/" + dataset + "/";
  }

  /**
   * The prefix of every object of a dataset ingested on {@code day}, in bronze or quarantine, e.g.
   * {@code bronze/orders/ingest_date=2026-12-01/}.
   */
  public static String ingestDayPrefix(LakeZone zone, String dataset, LocalDate day) {
    if (zone != LakeZone.BRONZE && zone != LakeZone.QUARANTINE) {
      throw new IllegalArgumentException(zone + " is not partitioned by ingest day");
    }
    return prefix(zone, dataset) + ingestDay(day) + "/";
  }

  /** The prefix of one silver event-time partition. */
  public static String silverPrefix(String dataset, EventPartition partition) {
    return prefix(LakeZone.SILVER, dataset) + partition + "/";
  }

  private static List<String> ingestPartitions(Instant at, boolean withHour) {
    ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
    List<String> dirs = new ArrayList<>(2);
    dirs.add(ingestDay(utc.toLocalDate()).toString());
    if (withHour) {
      dirs.add(String.format("ingest_hour=%02d", utc.getHour()));
    }
    return dirs;
  }

  private static Partition ingestDay(LocalDate day) {
    return new Partition(INGEST_DATE, day.toString());
  }

  private static List<String> strings(List<Partition> partitions) {
    return partitions.stream().map(Partition::toString).toList();
  }

  private static void requireSegment(String segment, String what) {
    if (segment == null
        || !SEGMENT.matcher(segment).matches()
        || segment.equals(".")
        || segment.equals("..")) {
      throw new IllegalArgumentException("Invalid " + what + " in lake key: '" + segment + "'");
    }
  }

  @Override
  public String toString() {
    return key();
  }
}

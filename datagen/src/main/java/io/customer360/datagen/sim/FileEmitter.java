package io.customer360.datagen.sim;

import io.customer360.datagen.fault.FaultKind;
import io.customer360.datagen.fault.FaultRates;
import io.customer360.datagen.format.CsvFile;
import io.customer360.datagen.random.Draw;
import io.customer360.datagen.random.Seeds;
import io.customer360.datagen.truth.Counts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Queues landing files in the outbox (by default available at the last millisecond of their day),
 * injecting the file faults (BOM + CRLF, re-sent file, truncated gzip) and recording each file and
 * its counts in the ground truth.
 */
final class FileEmitter {

  private static final Set<String> BOM_ELIGIBLE =
      Set.of("customers", "products", "returns", "weather");
  private static final Set<String> TRUNCATE_ELIGIBLE =
      Set.of("support_tickets", "returns", "weather");

  private final Outbox outbox;
  private final Counts counts;
  private final FaultRates rates;
  private final Seeds seeds;
  private final List<String> fileLines = new ArrayList<>();

  FileEmitter(Outbox outbox, Counts counts, FaultRates rates, Seeds seeds) {
    this.outbox = outbox;
    this.counts = counts;
    this.rates = rates;
    this.seeds = seeds;
  }

  /** Puts a daily CSV file; returns false when it was truncated (its records are lost). */
  boolean csv(String dataset, LocalDate date, String key, CsvFile csv) {
    return csv(dataset, date, key, csv, endOf(date));
  }

  /** Puts a CSV file that becomes available at {@code availableAt}; false when truncated. */
  boolean csv(String dataset, LocalDate date, String key, CsvFile csv, Instant availableAt) {
    SplittableRandom rng = seeds.stream("file-faults", key.hashCode());
    boolean bom =
        BOM_ELIGIBLE.contains(dataset) && Draw.chance(rng, rates.rate(FaultKind.BOM_CRLF));
    byte[] bytes = bom ? csv.windowsBytes() : csv.bytes();
    return put(new Landing(dataset, date, key, availableAt), bytes, csv.rows(), bom, rng);
  }

  /** Puts a JSON-lines file; returns false when it was truncated. */
  boolean jsonLines(String dataset, LocalDate date, String key, List<String> lines) {
    SplittableRandom rng = seeds.stream("file-faults", key.hashCode());
    StringBuilder text = new StringBuilder();
    lines.forEach(l -> text.append(l).append('\n'));
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    return put(new Landing(dataset, date, key, endOf(date)), bytes, lines.size(), false, rng);
  }

  /** The last millisecond of a day: when its daily files become available. */
  static Instant endOf(LocalDate date) {
    return date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1);
  }

  /** Where and when a file lands, and the dataset and day it counts for. */
  private record Landing(String dataset, LocalDate date, String key, Instant at) {}

  private boolean put(
      Landing landing, byte[] bytes, int records, boolean bom, SplittableRandom rng) {
    String dataset = landing.dataset();
    LocalDate date = landing.date();
    String key = landing.key();
    counts.add(dataset, date, Counts.FILES, 1);
    counts.add(dataset, date, Counts.SENT, records);
    if (!bom
        && TRUNCATE_ELIGIBLE.contains(dataset)
        && Draw.chance(rng, rates.rate(FaultKind.TRUNCATED_GZIP))) {
      putTruncated(landing, bytes, records);
      return false;
    }
    outbox.file(landing.at(), key, bytes);
    counts.add(dataset, date, Counts.VALID, records);
    List<String> faults = new ArrayList<>();
    if (bom) {
      counts.add(dataset, date, FaultKind.BOM_CRLF.metric() + "_files", 1);
      faults.add(FaultKind.BOM_CRLF.metric());
    }
    if (Draw.chance(rng, rates.rate(FaultKind.RESENT_FILE))) {
      outbox.file(landing.at(), key, bytes);
      counts.add(dataset, date, Counts.SENT, records);
      count(dataset, date, FaultKind.RESENT_FILE, records);
      faults.add(FaultKind.RESENT_FILE.metric());
    }
    record(key, dataset, date, records, String.join(";", faults));
    return true;
  }

  /** Puts the file gzipped and cut in half, as an interrupted upload leaves it. */
  private void putTruncated(Landing landing, byte[] bytes, int records) {
    byte[] gz = gzip(bytes);
    String key = landing.key() + ".gz";
    outbox.file(landing.at(), key, Arrays.copyOf(gz, Math.max(10, gz.length / 2)));
    count(landing.dataset(), landing.date(), FaultKind.TRUNCATED_GZIP, records);
    record(key, landing.dataset(), landing.date(), records, FaultKind.TRUNCATED_GZIP.metric());
  }

  private void record(String key, String dataset, LocalDate date, int records, String faults) {
    fileLines.add(
        String.join(",", key, dataset, date.toString(), Integer.toString(records), faults));
  }

  private void count(String dataset, LocalDate date, FaultKind kind, int records) {
    counts.add(dataset, date, kind.metric() + "_files", 1);
    counts.add(dataset, date, kind.metric() + "_records", records);
  }

  /** Every landing file put, as CSV {@code key,dataset,date,records,faults}. */
  byte[] filesCsv() {
    StringBuilder out = new StringBuilder("key,dataset,date,records,faults\n");
    fileLines.forEach(l -> out.append(l).append('\n'));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

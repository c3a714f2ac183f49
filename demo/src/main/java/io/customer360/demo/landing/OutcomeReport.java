package io.customer360.demo.landing;

import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.SourceFormat;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The text land-file prints about a file: progress while waiting, then where its rows went, and one
 * line of verdict. Only keys, counts, reason codes and record numbers: never a record's values.
 */
final class OutcomeReport {

  private final String bucket;
  private final DatasetContract contract;
  private final Reasons reasons;

  OutcomeReport(String bucket, DatasetContract contract) {
    this.bucket = bucket;
    this.contract = contract;
    this.reasons = new Reasons(contract);
  }

  /** Lines for a change of what the lake shows; {@code previous} is null at the first poll. */
  List<String> progress(Observation previous, Observation now) {
    if (now instanceof Observation.NotIngested) {
      return List.of("  waiting for ingestion-service to pick the file up from landing/");
    }
    if (!(now instanceof Observation.Ingested ingested)) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    if (!(previous instanceof Observation.Ingested)) {
      lines.add("  bronze: " + uri(ingested.bronzeKey()) + records(ingested.records()));
      if (ingested.earlier()) {
        lines.add(
            "  the same content was ingested before; ingestion skips a re-send, so what follows"
                + " is the outcome of that ingestion");
      }
    }
    lines.add(
        "  so far: "
            + ingested.silverTotal()
            + " rows in silver, "
            + ingested.quarantine().total()
            + " quarantined");
    return lines;
  }

  /** Where the file's rows went, for an observation that is the outcome. */
  List<String> details(Observation outcome) {
    if (outcome instanceof Observation.FileQuarantined file) {
      return List.of(
          "Whole file quarantined by ingestion-service: "
              + file.reason()
              + " ("
              + reasons.explain(file.reason())
              + ")",
          "  file:    " + uri(file.quarantineKey()),
          "  reasons: " + uri(file.quarantineKey() + ".reason.json"));
    }
    Observation.Ingested ingested = (Observation.Ingested) outcome;
    if (ingested.quarantine().fileUnreadable()) {
      return List.of(
          "Whole file quarantined by transform-service: "
              + ReasonRows.UNREADABLE_FILE
              + " ("
              + reasons.explain(ReasonRows.UNREADABLE_FILE)
              + ")",
          "  file:    " + uri(ingested.bronzeKey()),
          "  record:  " + uri(ingested.quarantine().key()));
    }
    List<String> lines = new ArrayList<>(silver(ingested));
    lines.addAll(quarantine(ingested.quarantine()));
    if (ingested.unaccounted() > 0) {
      lines.add(
          "Neither: "
              + ingested.unaccounted()
              + " records, duplicates that de-duplication dropped (silver keeps "
              + (contract.cdc().isPresent() ? "the latest change" : "the first copy")
              + " of each "
              + String.join(" + ", contract.dedupKey())
              + ")");
    }
    return lines;
  }

  private List<String> silver(Observation.Ingested ingested) {
    List<String> lines = new ArrayList<>();
    lines.add("Silver: " + ingested.silverTotal() + " rows");
    ingested.silverRows().forEach((key, rows) -> lines.add("  " + uri(key) + "  " + rows));
    return lines;
  }

  private List<String> quarantine(QuarantinedRows quarantine) {
    if (quarantine.total() == 0) {
      return List.of("Quarantine: 0 rows");
    }
    List<String> lines = new ArrayList<>();
    lines.add("Quarantine: " + quarantine.total() + " rows in " + uri(quarantine.key()));
    int width = quarantine.reasons().stream().mapToInt(r -> r.reason().length()).max().orElse(0);
    for (ReasonRows reason : quarantine.reasons()) {
      lines.add(
          String.format(
              "  %-" + width + "s  %6d  %s; %s",
              reason.reason(),
              reason.rows(),
              reasons.explain(reason.reason()),
              firstRecords(reason)));
    }
    lines.add("  (" + numbering() + "; column raw of the file keeps each record as received)");
    return lines;
  }

  /** Prints the progress lines of each change it is given. */
  Consumer<Observation> progressTo(PrintStream out) {
    return new Consumer<>() {
      private Observation previous;

      @Override
      public void accept(Observation now) {
        progress(previous, now).forEach(out::println);
        previous = now;
      }
    };
  }

  /** One line: the outcome in words, and for a bad file why it is bad. */
  String verdict(Outcome outcome, Observation observation) {
    if (outcome.fileQuarantined()) {
      return "Bad file: it was quarantined whole, no row reached silver.";
    }
    Observation.Ingested ingested = (Observation.Ingested) observation;
    if (outcome.silverRows() > 0) {
      return "Processed: "
          + outcome.silverRows()
          + " rows reached silver, "
          + outcome.quarantinedRows()
          + " were quarantined.";
    }
    if (ingested.records() == 0) {
      return "Bad file: it has no data records.";
    }
    return "Bad file: every record was quarantined" + mainCause(ingested.quarantine()) + ".";
  }

  private String mainCause(QuarantinedRows quarantine) {
    if (quarantine.reasons().isEmpty()) {
      return "";
    }
    String code = quarantine.reasons().get(0).reason();
    return ", most for "
        + code
        + " ("
        + reasons.explain(code)
        + reasons.hint(code).map(h -> "; " + h).orElse("")
        + ")";
  }

  /** One line: what was seen when the timeout passed. */
  String timeout(Observation last, Duration timeout) {
    String seen =
        last instanceof Observation.Ingested ingested
            ? "in bronze as "
                + uri(ingested.bronzeKey())
                + records(ingested.records())
                + ", "
                + ingested.silverTotal()
                + " rows in silver and "
                + ingested.quarantine().total()
                + " quarantined so far; transform-service may still be busy (see its log), or"
                + " every valid record duplicates a row already in silver, which changes nothing"
            : "the file is in landing/ but ingestion-service has not handled it yet; is it running"
                + " (see its log)?";
    return "no outcome within " + timeout.toSeconds() + " s; seen so far: " + seen;
  }

  private String numbering() {
    return contract.source().format() == SourceFormat.CSV
        ? "records are data rows numbered from 1 after the header"
        : "records are lines numbered from 1";
  }

  private static String firstRecords(ReasonRows reason) {
    if (reason.firstRecords().isEmpty()) {
      return "no record numbers";
    }
    String numbers =
        reason.firstRecords().stream().map(String::valueOf).collect(Collectors.joining(", "));
    return (reason.rows() > reason.firstRecords().size() ? "first records " : "records ") + numbers;
  }

  private static String records(long records) {
    return records < 0 ? "" : " (" + records + " records)";
  }

  private String uri(String key) {
    return "s3://" + bucket + "/" + key;
  }
}

package io.customer360.demo.landing;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.contract.ContractRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeReportTest {

  private static final ContractRegistry CONTRACTS = ContractRegistry.loadDefault();
  private static final String BRONZE =
      "bronze/returns/ingest_date=2026-11-22/ingest_hour=10/0123456789abcdef-r.csv";
  private static final String QUARANTINE =
      "quarantine/returns/ingest_date=2026-11-22/0123456789abcdef-r.csv.parquet";

  private final OutcomeReport returns = new OutcomeReport("c360-lake", CONTRACTS.get("returns"));

  private static Map<String, Long> silver(long first, long second) {
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put("silver/returns/event_date=2026-11-20/part-0.parquet", first);
    rows.put("silver/returns/event_date=2026-11-21/part-0.parquet", second);
    return rows;
  }

  private static QuarantinedRows quarantined() {
    return new QuarantinedRows(
        QUARANTINE,
        List.of(
            new ReasonRows("missing_field:order_id", 2, List.of(3L, 9L)),
            new ReasonRows("bad_type:quantity", 7, List.of(1L, 2L, 4L, 5L, 6L))));
  }

  @Test
  void detailsListSilverFilesAndQuarantineRowsPerReason() {
    Observation.Ingested ingested =
        new Observation.Ingested(BRONZE, 19, false, silver(6, 4), quarantined());

    assertThat(returns.details(ingested))
        .containsExactly(
            "Silver: 10 rows",
            "  s3://c360-lake/silver/returns/event_date=2026-11-20/part-0.parquet  6",
            "  s3://c360-lake/silver/returns/event_date=2026-11-21/part-0.parquet  4",
            "Quarantine: 9 rows in s3://c360-lake/" + QUARANTINE,
            "  missing_field:order_id       2  required field order_id is missing or empty;"
                + " records 3, 9",
            "  bad_type:quantity            7  quantity is not a valid integer;"
                + " first records 1, 2, 4, 5, 6",
            "  (records are data rows numbered from 1 after the header; column raw of the file"
                + " keeps each record as received)");
    assertThat(returns.verdict(Outcome.of("returns", "landing/returns/r.csv", ingested), ingested))
        .isEqualTo("Processed: 10 rows reached silver, 9 were quarantined.");
  }

  @Test
  void recordsInNeitherAreReportedAsDroppedDuplicates() {
    Observation.Ingested ingested =
        new Observation.Ingested(BRONZE, 12, false, silver(6, 4), QuarantinedRows.NONE);

    assertThat(returns.details(ingested))
        .contains(
            "Quarantine: 0 rows",
            "Neither: 2 records, duplicates that de-duplication dropped (silver keeps the first"
                + " copy of each return_id)");
  }

  @Test
  void aFileWithEveryRecordQuarantinedNamesTheColumnsTheContractReads() {
    OutcomeReport customers = new OutcomeReport("c360-lake", CONTRACTS.get("customers"));
    QuarantinedRows rows =
        new QuarantinedRows(
            "quarantine/customers/ingest_date=2026-11-22/x-c.csv.parquet",
            List.of(new ReasonRows("missing_field:customer_id", 5, List.of(1L, 2L, 3L, 4L, 5L))));
    Observation.Ingested ingested =
        new Observation.Ingested(
            "bronze/customers/ingest_date=2026-11-22/ingest_hour=10/x-c.csv",
            5,
            false,
            Map.of(),
            rows);

    assertThat(customers.verdict(Outcome.of("customers", "landing/crm/c.csv", ingested), ingested))
        .isEqualTo(
            "Bad file: every record was quarantined, most for missing_field:customer_id (required"
                + " field customer_id is missing or empty; the file needs a column named"
                + " customer_id or CustomerID or cust_id or customer_number or CUSTOMER_ID).");
  }

  @Test
  void aFileQuarantinedWholeSaysWhyAndWhere() {
    Observation.FileQuarantined file =
        new Observation.FileQuarantined(
            "truncated_gzip", "quarantine/returns/ingest_date=2026-11-22/abc-r.csv.gz");

    assertThat(returns.details(file))
        .containsExactly(
            "Whole file quarantined by ingestion-service: truncated_gzip (the gzip data ends"
                + " early: the file was cut off)",
            "  file:    s3://c360-lake/quarantine/returns/ingest_date=2026-11-22/abc-r.csv.gz",
            "  reasons: s3://c360-lake/quarantine/returns/ingest_date=2026-11-22/abc-r.csv.gz"
                + ".reason.json");
    assertThat(returns.verdict(Outcome.of("returns", "landing/returns/r.csv.gz", file), file))
        .isEqualTo("Bad file: it was quarantined whole, no row reached silver.");
  }

  @Test
  void aFileTransformCouldNotReadPointsAtBronzeAndTheQuarantineRecord() {
    QuarantinedRows unreadable =
        new QuarantinedRows(QUARANTINE, List.of(new ReasonRows("unreadable_file", 1, List.of())));
    Observation.Ingested ingested =
        new Observation.Ingested(BRONZE, 4, false, Map.of(), unreadable);

    assertThat(returns.details(ingested))
        .containsExactly(
            "Whole file quarantined by transform-service: unreadable_file (transform-service"
                + " could not read it as csv (another format, or rows with a different number of"
                + " columns))",
            "  file:    s3://c360-lake/" + BRONZE,
            "  record:  s3://c360-lake/" + QUARANTINE);
  }

  @Test
  void progressNamesTheBronzeObjectOnceThenTheCountsSoFar() {
    Observation.Ingested first =
        new Observation.Ingested(BRONZE, 12, true, Map.of(), QuarantinedRows.NONE);
    Observation.Ingested later =
        new Observation.Ingested(BRONZE, 12, true, silver(6, 0), quarantined());

    assertThat(returns.progress(new Observation.NotIngested(), first))
        .containsExactly(
            "  bronze: s3://c360-lake/" + BRONZE + " (12 records)",
            "  the same content was ingested before; ingestion skips a re-send, so what follows is"
                + " the outcome of that ingestion",
            "  so far: 0 rows in silver, 0 quarantined");
    assertThat(returns.progress(first, later))
        .containsExactly("  so far: 6 rows in silver, 9 quarantined");
  }

  @Test
  void aTimeoutSaysHowFarTheFileGot() {
    assertThat(returns.timeout(new Observation.NotIngested(), Duration.ofSeconds(180)))
        .isEqualTo(
            "no outcome within 180 s; seen so far: the file is in landing/ but ingestion-service"
                + " has not handled it yet; is it running (see its log)?");
    Observation.Ingested ingested =
        new Observation.Ingested(BRONZE, 12, false, Map.of(), quarantined());
    assertThat(returns.timeout(ingested, Duration.ofSeconds(30)))
        .startsWith(
            "no outcome within 30 s; seen so far: in bronze as s3://c360-lake/"
                + BRONZE
                + " (12 records), 0 rows in silver and 9 quarantined so far;");
  }
}

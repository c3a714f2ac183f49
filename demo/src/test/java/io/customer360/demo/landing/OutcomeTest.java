package io.customer360.demo.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeTest {

  private static final String BRONZE =
      "bronze/returns/ingest_date=2026-11-22/ingest_hour=10/0123456789abcdef-r.csv";

  private static Observation.Ingested ingested(long silver, QuarantinedRows quarantine) {
    return new Observation.Ingested(
        BRONZE,
        12,
        false,
        silver == 0
            ? Map.of()
            : Map.of("silver/returns/event_date=2026-11-21/part-0.parquet", silver),
        quarantine);
  }

  private static QuarantinedRows rows(String reason, long n) {
    return new QuarantinedRows(
        "quarantine/returns/ingest_date=2026-11-22/0123456789abcdef-r.csv.parquet",
        List.of(new ReasonRows(reason, n, List.of(3L))));
  }

  @Test
  void rowsInSilverAreSuccessEvenWithSomeQuarantined() {
    Outcome outcome =
        Outcome.of("returns", "landing/returns/r.csv", ingested(10, rows("bad_type:quantity", 2)));

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.resultLine())
        .isEqualTo(
            "LAND-FILE RESULT dataset=returns file=landing/returns/r.csv silver_rows=10"
                + " quarantined_rows=2 file_quarantined=false");
  }

  @Test
  void everyRowQuarantinedIsABadFile() {
    Outcome outcome =
        Outcome.of(
            "returns", "landing/returns/r.csv", ingested(0, rows("missing_field:order_id", 12)));

    assertThat(outcome.exitCode()).isEqualTo(4);
    assertThat(outcome.resultLine())
        .endsWith("silver_rows=0 quarantined_rows=12 file_quarantined=false");
  }

  @Test
  void aFileIngestionQuarantinedIsABadFileWithoutRowCounts() {
    Outcome outcome =
        Outcome.of(
            "returns",
            "landing/returns/r.csv.gz",
            new Observation.FileQuarantined(
                "truncated_gzip", "quarantine/returns/ingest_date=2026-11-22/abc-r.csv.gz"));

    assertThat(outcome.exitCode()).isEqualTo(4);
    assertThat(outcome.resultLine())
        .isEqualTo(
            "LAND-FILE RESULT dataset=returns file=landing/returns/r.csv.gz silver_rows=0"
                + " quarantined_rows=0 file_quarantined=true");
  }

  @Test
  void aBronzeObjectTransformCouldNotReadCountsAsQuarantinedWhole() {
    Outcome outcome =
        Outcome.of("returns", "landing/returns/r.csv", ingested(0, rows("unreadable_file", 1)));

    assertThat(outcome.fileQuarantined()).isTrue();
    assertThat(outcome.quarantinedRows()).isZero();
    assertThat(outcome.exitCode()).isEqualTo(4);
  }

  @Test
  void aSpaceInTheKeyIsEscapedSoTheLineSplitsOnSpaces() {
    Outcome outcome = new Outcome("returns", "landing/returns/my returns.csv", 1, 0, false);

    assertThat(outcome.resultLine().split(" "))
        .contains("file=landing/returns/my%20returns.csv")
        .hasSize(7);
  }
}

package io.customer360.demo.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineWatchTest {

  private static final String BRONZE =
      "bronze/returns/ingest_date=2026-11-22/ingest_hour=10/0123456789abcdef-r.csv";
  private static final String PART = "silver/returns/event_date=2026-11-21/part-0.parquet";

  /** A clock the pauses move forward. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-11-22T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ManualClock clock = new ManualClock();
  private final List<Observation> changes = new ArrayList<>();
  private final List<Duration> pauses = new ArrayList<>();

  /** Returns the observations in turn, then the last one for ever. */
  private PipelineWatch watch(Observation... observations) {
    Iterator<Observation> it = List.of(observations).iterator();
    Observation[] last = {null};
    Probe probe =
        () -> {
          if (it.hasNext()) {
            last[0] = it.next();
          }
          return last[0];
        };
    PipelineWatch.Pause pause =
        d -> {
          pauses.add(d);
          clock.now = clock.now.plus(d);
        };
    return new PipelineWatch(probe, clock, pause, changes::add);
  }

  private static Observation.Ingested ingested(long records, long silver, long quarantined) {
    QuarantinedRows rows =
        quarantined == 0
            ? QuarantinedRows.NONE
            : new QuarantinedRows(
                "q.parquet", List.of(new ReasonRows("bad_type:quantity", quarantined, List.of())));
    return new Observation.Ingested(
        BRONZE, records, false, silver == 0 ? Map.of() : Map.of(PART, silver), rows);
  }

  @Test
  void theOutcomeIsKnownOnceEveryRecordIsInSilverOrQuarantine() {
    Observation done = ingested(12, 10, 2);
    PipelineWatch.Result result =
        watch(new Observation.NotIngested(), ingested(12, 0, 2), ingested(12, 6, 2), done)
            .await(Duration.ofSeconds(180));

    assertThat(result.known()).isTrue();
    assertThat(result.last()).isEqualTo(done);
    assertThat(changes).hasSize(4);
    assertThat(pauses).containsOnly(Duration.ofSeconds(2)).hasSize(3);
  }

  @Test
  void quarantineAloneDoesNotEndTheWaitWhileValidRecordsAreMissing() {
    PipelineWatch.Result result = watch(ingested(12, 0, 2)).await(Duration.ofSeconds(60));

    assertThat(result.known()).isFalse();
    assertThat(result.last()).isEqualTo(ingested(12, 0, 2));
    assertThat(clock.now).isEqualTo(Instant.parse("2026-11-22T10:01:00Z"));
  }

  @Test
  void silverRowsUnchangedForTheSettleTimeEndTheWaitWithDuplicatesDropped() {
    PipelineWatch.Result result =
        watch(ingested(12, 4, 0), ingested(12, 9, 0)).await(Duration.ofSeconds(180));

    assertThat(result.known()).isTrue();
    assertThat(((Observation.Ingested) result.last()).unaccounted()).isEqualTo(3);
    // seen at 0 s, changed at 2 s, unchanged from then on for 10 s
    assertThat(clock.now).isEqualTo(Instant.parse("2026-11-22T10:00:12Z"));
    assertThat(changes).hasSize(2);
  }

  @Test
  void aFileQuarantinedWholeIsKnownAtOnce() {
    Observation file = new Observation.FileQuarantined("corrupt_gzip", "quarantine/returns/x");

    assertThat(watch(file).await(Duration.ofSeconds(180)).known()).isTrue();
    assertThat(pauses).isEmpty();
  }

  @Test
  void aFileWithoutRecordsIsKnownAtOnce() {
    assertThat(watch(ingested(0, 0, 0)).await(Duration.ofSeconds(180)).known()).isTrue();
  }

  @Test
  void theLastPauseIsCutToTheDeadline() {
    PipelineWatch.Result result = watch(new Observation.NotIngested()).await(Duration.ofSeconds(5));

    assertThat(result.known()).isFalse();
    assertThat(result.last()).isEqualTo(new Observation.NotIngested());
    assertThat(pauses)
        .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1));
    assertThat(changes).hasSize(1);
  }

  @Test
  void withoutARecordCountOnlyUnreadableOrSettledSilverEndsTheWait() {
    assertThat(PipelineWatch.isKnown(ingested(-1, 0, 3), Duration.ofMinutes(5))).isFalse();
    assertThat(PipelineWatch.isKnown(ingested(-1, 5, 0), Duration.ofSeconds(9))).isFalse();
    assertThat(PipelineWatch.isKnown(ingested(-1, 5, 0), Duration.ofSeconds(10))).isTrue();
    QuarantinedRows unreadable =
        new QuarantinedRows("q", List.of(new ReasonRows("unreadable_file", 1, List.of())));
    assertThat(
            PipelineWatch.isKnown(
                new Observation.Ingested(BRONZE, -1, false, Map.of(), unreadable), Duration.ZERO))
        .isTrue();
  }
}

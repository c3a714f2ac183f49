package io.customer360.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.datagen.fault.FaultRates;
import io.customer360.datagen.format.Timestamps;
import io.customer360.datagen.sink.DataSink;
import io.customer360.datagen.sink.StreamRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A live feed on the real wall clock: two backfill days, then today, with the live intensity
 * starting ten minutes ago. Run for about twelve seconds, then interrupted.
 */
class LiveFeedTest {

  private static final Pattern CDC_FILE =
      Pattern.compile("landing/dms/orders/(\\d{8}-\\d{6})(\\d{3})\\.csv");

  /** A record as it was put: when, to which stream. */
  record Sent(Instant at, String stream, StreamRecord record) {}

  /** What the feed sent, with the wall time of each put. */
  static final class TimedSink implements DataSink {
    final List<Sent> records = new ArrayList<>();
    final Map<String, Instant> files = new TreeMap<>();
    final Map<String, String> fileText = new TreeMap<>();
    final Map<String, List<String>> puts = new TreeMap<>();
    final Map<String, String> truth = new ConcurrentHashMap<>();

    @Override
    public synchronized void putRecords(String stream, List<StreamRecord> batch) {
      Instant now = Instant.now();
      batch.forEach(r -> records.add(new Sent(now, stream, r)));
    }

    @Override
    public synchronized void putFile(String key, byte[] content) {
      files.put(key, Instant.now());
      fileText.put(key, new String(content, StandardCharsets.UTF_8));
      puts.computeIfAbsent(key, k -> new ArrayList<>()).add(fileText.get(key));
    }

    @Override
    public void putTruth(String name, byte[] content) {
      truth.put(name, new String(content, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {}
  }

  static final TimedSink SINK = new TimedSink();
  static Instant started;
  static Instant stopped;

  @BeforeAll
  static void runLiveForTwelveSeconds() throws InterruptedException {
    started = Instant.now();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    DatagenConfig config =
        new DatagenConfig(42, today.minusDays(2), 2, 200, 40, FaultRates.uniform(0.01), 0, 0)
            .withLive(
                new DatagenConfig.Live(
                    started.minus(Duration.ofMinutes(10)), 10, Duration.ofMinutes(1)));
    Thread feed =
        new Thread(
            () -> {
              try {
                Datagen.run(config, SINK);
              } catch (IllegalStateException interrupted) {
                // the way a live feed stops
              }
            });
    feed.start();
    Thread.sleep(12_000);
    feed.interrupt();
    feed.join(10_000);
    stopped = Instant.now();
    assertThat(feed.isAlive()).isFalse();
  }

  @Test
  void noRecordIsSentBeforeItsTime() {
    synchronized (SINK) {
      assertThat(SINK.records).isNotEmpty();
      assertThat(SINK.records)
          .allSatisfy(s -> assertThat(s.record().sendAt()).isBefore(s.at().plusMillis(1)));
    }
  }

  @Test
  void recordsAfterTheCatchUpHappenNow() {
    List<Duration> lags = new ArrayList<>();
    synchronized (SINK) {
      // the catch-up (the day so far) ends when the last record due before the start is sent
      Instant caughtUp =
          SINK.records.stream()
              .filter(s -> s.record().sendAt().isBefore(started))
              .map(Sent::at)
              .max(Instant::compareTo)
              .orElseThrow();
      for (Sent s : SINK.records) {
        if (s.record().sendAt().isAfter(caughtUp.plusSeconds(1))) {
          lags.add(Duration.between(s.record().sendAt(), s.at()));
        }
      }
    }
    // about 10 records a second for the seconds after the catch-up
    assertThat(lags).hasSizeGreaterThan(30);
    assertThat(lags).allSatisfy(lag -> assertThat(lag).isLessThan(Duration.ofSeconds(2)));
  }

  @Test
  void theMinutesBeforeTheStartArriveAtOnceAtTheLiveRate() {
    // sessions last minutes, so the rate builds up over the first ten; the last two are at full
    // rate
    long lastTwoMinutes;
    synchronized (SINK) {
      lastTwoMinutes =
          SINK.records.stream()
              .map(Sent::record)
              .filter(r -> r.sendAt().isAfter(started.minus(Duration.ofMinutes(2))))
              .filter(r -> r.sendAt().isBefore(started))
              .count();
    }
    System.out.println(
        "LiveFeedTest: records in the two minutes before the start " + lastTwoMinutes);
    // 10 records/s for 120 s, give or take the Poisson draws, the day's weather and the ramp
    assertThat(lastTwoMinutes).isBetween(600L, 2_400L);
  }

  @Test
  void ordersLandEveryIntervalAndHoldOnlyTheirPast() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<String> todays = new ArrayList<>();
    synchronized (SINK) {
      for (Map.Entry<String, Instant> file : SINK.files.entrySet()) {
        Matcher m = CDC_FILE.matcher(file.getKey());
        if (!m.matches() || !m.group(1).startsWith(today.toString().replace("-", ""))) {
          continue;
        }
        todays.add(file.getKey());
        Instant stamp = parseStamp(m.group(1), m.group(2));
        assertThat(stamp).as(file.getKey() + " landed after its time").isBefore(file.getValue());
        assertThat(stamp.plusMillis(1).toEpochMilli() % 60_000).isZero();
        for (String line : SINK.fileText.get(file.getKey()).lines().skip(1).toList()) {
          Instant cdc = Instant.from(Timestamps.DMS.parse(line.split(",")[1]));
          assertThat(cdc).as(line).isBefore(stamp.plusMillis(1));
        }
      }
    }
    assertThat(todays).as("CDC files of today").isNotEmpty();
  }

  @Test
  void aFileIsWrittenOnceOrResentUnchanged() {
    synchronized (SINK) {
      assertThat(SINK.puts)
          .allSatisfy((key, contents) -> assertThat(Set.copyOf(contents)).as(key).hasSize(1));
    }
  }

  @Test
  void everyOrderLandsWithItsItemsBeforeItsUpdates() {
    // full-load rows have no Op column; CDC rows start with I or U
    Set<String> inserted = new TreeSet<>();
    Set<String> updated = new TreeSet<>();
    Set<String> withItems = new TreeSet<>();
    synchronized (SINK) {
      SINK.fileText.forEach(
          (key, text) -> {
            boolean cdc = !key.endsWith("LOAD00000001.csv");
            for (String line : text.lines().skip(1).toList()) {
              String[] f = line.split(",");
              if (f.length < 4) {
                continue; // a malformed row the fault injection wrote
              }
              if (key.startsWith("landing/dms/orders/")) {
                (cdc && f[0].equals("U") ? updated : inserted).add(f[cdc ? 2 : 1]);
              } else if (key.startsWith("landing/dms/order_items/")) {
                withItems.add(f[cdc ? 3 : 2]);
              }
            }
          });
    }
    assertThat(inserted).hasSizeGreaterThan(50);
    // one in a hundred rows may have been damaged on purpose (FaultRates.uniform(0.01))
    assertThat(missing(inserted, withItems)).hasSizeLessThan(1 + inserted.size() / 50);
    assertThat(missing(updated, inserted)).hasSizeLessThan(1 + updated.size() / 50);
  }

  private static Set<String> missing(Set<String> expected, Set<String> actual) {
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    return missing;
  }

  @Test
  void truthOfTheBackfillDaysMatchesWhatWasSent() {
    String counts = SINK.truth.get("counts.csv");
    assertThat(counts).as("truth written after the backfill").isNotNull();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<String, Long> truth = new TreeMap<>();
    counts
        .lines()
        .map(l -> l.split(","))
        .filter(f -> f.length == 4 && f[2].equals("sent_records"))
        .filter(f -> f[0].equals("clickstream") || f[0].equals("weblog"))
        .filter(f -> LocalDate.parse(f[1]).isBefore(today))
        .forEach(f -> truth.merge(f[0] + "," + f[1], Long.parseLong(f[3]), Long::sum));
    Map<String, Long> sent = new TreeMap<>();
    synchronized (SINK) {
      for (Sent s : SINK.records) {
        LocalDate day = LocalDate.ofInstant(s.record().sendAt(), ZoneOffset.UTC);
        if (day.isBefore(today)) {
          sent.merge(s.stream().replace("c360-", "") + "," + day, 1L, Long::sum);
        }
      }
    }
    assertThat(truth).hasSize(4);
    assertThat(sent).isEqualTo(truth);
  }

  private static Instant parseStamp(String dayAndTime, String millis) {
    String t = dayAndTime;
    return Instant.parse(
        t.substring(0, 4)
            + "-"
            + t.substring(4, 6)
            + "-"
            + t.substring(6, 8)
            + "T"
            + t.substring(9, 11)
            + ":"
            + t.substring(11, 13)
            + ":"
            + t.substring(13, 15)
            + "."
            + millis
            + "Z");
  }
}

package io.customer360.datagen.sim;

import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.FieldSpec;
import io.customer360.datagen.fault.FaultKind;
import io.customer360.datagen.fault.FaultRates;
import io.customer360.datagen.format.ClickstreamFormat;
import io.customer360.datagen.format.Json;
import io.customer360.datagen.format.WeblogFormat;
import io.customer360.datagen.random.Draw;
import io.customer360.datagen.session.ClickEvent;
import io.customer360.datagen.sink.StreamRecord;
import io.customer360.datagen.truth.Counts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Turns events into stream records, injects the stream faults, counts everything in the ground
 * truth and queues each record in the outbox at its send time. Quarantine faults only replace
 * browsing events (page views, product views, searches) so commerce events stay complete.
 */
final class StreamEmitter {

  private static final Set<String> BROWSE = Set.of("page_view", "product_view", "search");
  private static final List<FaultKind> CLICK_FAULTS =
      List.of(
          FaultKind.MALFORMED_JSON,
          FaultKind.MISSING_REQUIRED_FIELD,
          FaultKind.WRONG_TYPE,
          FaultKind.UNKNOWN_EVENT_TYPE,
          FaultKind.OVERSIZED_RECORD);
  private static final List<FaultKind> WEBLOG_FAULTS =
      List.of(FaultKind.MALFORMED_JSON, FaultKind.MISSING_REQUIRED_FIELD, FaultKind.WRONG_TYPE);
  private static final String[] UNKNOWN_TYPES = {
    "hover", "scroll_depth", "video_play", "wishlist_add"
  };

  private final Outbox outbox;
  private final Counts counts;
  private final FaultRates rates;
  private final boolean keepDelaysInDay;
  private final DatasetContract clickstream;
  private final DatasetContract weblog;
  private long queued;

  /**
   * @param keepDelaysInDay whether a delayed record (late, out of order, duplicate) is still sent
   *     on its event's day, as a live feed needs so that each day's truth is complete at its end
   */
  StreamEmitter(
      Outbox outbox,
      Counts counts,
      FaultRates rates,
      boolean keepDelaysInDay,
      DatasetContract clickstream,
      DatasetContract weblog) {
    this.outbox = outbox;
    this.counts = counts;
    this.rates = rates;
    this.keepDelaysInDay = keepDelaysInDay;
    this.clickstream = clickstream;
    this.weblog = weblog;
  }

  /** Queues a clickstream event, maybe faulty, late, out of order or duplicated. */
  void click(ClickEvent e, SplittableRandom rng) {
    Map<String, Object> fields = ClickstreamFormat.fields(e);
    FaultKind fault = BROWSE.contains(e.eventType()) ? drawFault(CLICK_FAULTS, rng) : null;
    emit(clickstream, e.sessionId(), fields, e.occurredAt(), fault, true, rng);
  }

  /** Queues a web-server log record, maybe faulty, late or out of order. */
  void log(Map<String, Object> fields, String server, Instant at, SplittableRandom rng) {
    emit(weblog, server, fields, at, drawFault(WEBLOG_FAULTS, rng), false, rng);
  }

  private void emit(
      DatasetContract ds,
      String key,
      Map<String, Object> fields,
      Instant at,
      FaultKind fault,
      boolean mayDuplicate,
      SplittableRandom rng) {
    if (fault != null) {
      enqueue(ds, key, corrupt(ds, fault, fields, rng), at, fault.metric());
      return;
    }
    counts.add(ds.name(), day(at), Counts.SILVER, 1);
    Instant sendAt = at;
    String delay = null;
    if (Draw.chance(rng, rates.rate(FaultKind.LATE))) {
      sendAt = delayed(at, 3600 + rng.nextInt(71 * 3600));
      delay = FaultKind.LATE.metric();
    } else if (Draw.chance(rng, rates.rate(FaultKind.OUT_OF_ORDER))) {
      sendAt = delayed(at, 60 + rng.nextInt(540));
      delay = FaultKind.OUT_OF_ORDER.metric();
    }
    String json = Json.write(fields);
    enqueue(ds, key, json, sendAt, Counts.VALID);
    if (delay != null) {
      counts.add(ds.name(), day(sendAt), delay, 1);
    }
    if (mayDuplicate && Draw.chance(rng, rates.rate(FaultKind.DUPLICATE))) {
      enqueue(ds, key, json, delayed(sendAt, 1 + rng.nextInt(600)), FaultKind.DUPLICATE.metric());
    }
  }

  private Instant delayed(Instant at, int seconds) {
    Instant sendAt = at.plusSeconds(seconds);
    if (!keepDelaysInDay) {
      return sendAt;
    }
    Instant lastOfDay = day(at).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1);
    return sendAt.isAfter(lastOfDay) ? lastOfDay : sendAt;
  }

  private FaultKind drawFault(List<FaultKind> kinds, SplittableRandom rng) {
    double u = rng.nextDouble();
    double acc = 0;
    for (FaultKind kind : kinds) {
      acc += rates.rate(kind);
      if (u < acc) {
        return kind;
      }
    }
    return null;
  }

  private String corrupt(
      DatasetContract ds, FaultKind fault, Map<String, Object> fields, SplittableRandom rng) {
    switch (fault) {
      case MALFORMED_JSON -> {
        String json = Json.write(fields);
        int from = Math.max(1, json.length() / 3);
        return json.substring(0, from + rng.nextInt(json.length() - from));
      }
      case MISSING_REQUIRED_FIELD -> {
        List<FieldSpec> required = ds.requiredFields();
        FieldSpec removed = required.get(rng.nextInt(required.size()));
        // The record may use an alias (weblog sends the Apache names), so remove whichever it uses.
        fields.keySet().removeIf(removed::isNamed);
      }
      case WRONG_TYPE -> {
        if (ds == weblog) {
          fields.put("response", "OK");
        } else {
          fields.put("quantity", "several");
        }
      }
      case UNKNOWN_EVENT_TYPE -> fields.put("event_type", Draw.pick(rng, UNKNOWN_TYPES));
      case OVERSIZED_RECORD -> {
        int base = Json.write(fields).length();
        int pad = FaultKind.OVERSIZED_THRESHOLD_BYTES - base + 64 + rng.nextInt(30_000);
        fields.put("page", fields.get("page") + "?q=" + "x".repeat(pad));
      }
      default -> throw new IllegalArgumentException(fault + " is not a record fault");
    }
    return Json.write(fields);
  }

  private void enqueue(DatasetContract ds, String key, String text, Instant sendAt, String metric) {
    LocalDate sendDay = day(sendAt);
    counts.add(ds.name(), sendDay, metric, 1);
    counts.add(ds.name(), sendDay, Counts.SENT, 1);
    outbox.record(ds.source().name(), StreamRecord.of(key, text, sendAt));
    queued++;
  }

  /** Records queued so far, faults and re-sends included. */
  long queued() {
    return queued;
  }

  static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }

  /** The weblog server of a clickstream session. */
  static String server(ClickEvent e) {
    return WeblogFormat.server(e.sessionId());
  }
}

package io.customer360.datagen.sim;

import io.customer360.datagen.sink.DataSink;
import io.customer360.datagen.sink.StreamRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Everything a run sends, in the order of its time: stream records at their send time, landing
 * files at the time they become available. The simulation queues a stretch of time and then flushes
 * it; the {@link Pacer} decides how fast the flush goes (at once, at a rate, or, live, as the wall
 * clock reaches each item).
 */
final class Outbox {

  /** A stream record ({@code stream} set) or a landing file ({@code key} set), due {@code at}. */
  private record Item(
      Instant at, long seq, String stream, StreamRecord record, String key, byte[] content) {
    boolean isRecord() {
      return stream != null;
    }
  }

  private final DataSink sink;
  private final Pacer pacer;
  private final PriorityQueue<Item> queue =
      new PriorityQueue<>(Comparator.comparing(Item::at).thenComparingLong(Item::seq));
  private long seq;

  Outbox(DataSink sink, Pacer pacer) {
    this.sink = sink;
    this.pacer = pacer;
  }

  /** Queues a record for its stream, due at its send time. */
  void record(String stream, StreamRecord record) {
    queue.add(new Item(record.sendAt(), seq++, stream, record, null, null));
  }

  /** Queues a landing file, due when it becomes available. */
  void file(Instant availableAt, String key, byte[] content) {
    queue.add(new Item(availableAt, seq++, null, null, key, content));
  }

  /** Sends every item due before {@code until}, in time order. */
  void flushBefore(Instant until) {
    while (!queue.isEmpty() && queue.peek().at().isBefore(until)) {
      Item first = queue.poll();
      if (first.isRecord()) {
        sendRecords(first, until);
      } else {
        pacer.await(0, first.at());
        sink.putFile(first.key(), first.content());
      }
    }
  }

  /** Sends everything still queued. */
  void flushAll() {
    flushBefore(Instant.MAX);
  }

  /** Sends {@code first} with the records right behind it, as one batch per stream. */
  private void sendRecords(Item first, Instant until) {
    List<Item> batch = new ArrayList<>();
    batch.add(first);
    Instant end = pacer.batchEnd(first.at());
    int chunk = pacer.chunkSize();
    while (batch.size() < chunk && !queue.isEmpty()) {
      Item next = queue.peek();
      if (!next.isRecord() || !next.at().isBefore(until) || next.at().isAfter(end)) {
        break;
      }
      batch.add(queue.poll());
    }
    pacer.await(batch.size(), batch.get(batch.size() - 1).at());
    Map<String, List<StreamRecord>> byStream = new LinkedHashMap<>();
    for (Item item : batch) {
      byStream.computeIfAbsent(item.stream(), s -> new ArrayList<>()).add(item.record());
    }
    byStream.forEach(sink::putRecords);
  }
}

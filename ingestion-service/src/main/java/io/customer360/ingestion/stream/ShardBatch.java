package io.customer360.ingestion.stream;

import io.customer360.ingestion.IngestionProperties.Rotation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.zip.GZIPOutputStream;

/**
 * The records of one shard buffered for the next bronze object, gzip-compressed as they arrive so
 * memory holds compressed bytes only. Knows when the rotation policy says to write it.
 */
final class ShardBatch {

  private final Rotation rotation;
  private final LongSupplier nanoTime;
  private final ByteArrayOutputStream compressed = new ByteArrayOutputStream(64 * 1024);
  private final GZIPOutputStream gzip;
  private long openedAtNanos;
  private int records;
  private long bytes;
  private long payloadBytes;
  private String firstSequenceNumber;
  private long firstSubSequenceNumber;
  private Instant firstArrival;
  private String lastSequenceNumber;
  private long lastSubSequenceNumber;

  ShardBatch(Rotation rotation, LongSupplier nanoTime) {
    this.rotation = rotation;
    this.nanoTime = nanoTime;
    try {
      this.gzip = new GZIPOutputStream(compressed, 64 * 1024);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void add(
      byte[] line,
      long payloadSize,
      String sequenceNumber,
      long subSequenceNumber,
      Instant arrival) {
    if (records == 0) {
      openedAtNanos = nanoTime.getAsLong();
      firstSequenceNumber = sequenceNumber;
      firstSubSequenceNumber = subSequenceNumber;
      firstArrival = arrival;
    }
    try {
      gzip.write(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    records++;
    bytes += line.length;
    payloadBytes += payloadSize;
    lastSequenceNumber = sequenceNumber;
    lastSubSequenceNumber = subSequenceNumber;
  }

  boolean isEmpty() {
    return records == 0;
  }

  /** Size or record-count limit reached. */
  boolean isFull() {
    return bytes >= rotation.maxBytes().toBytes() || records >= rotation.maxRecords();
  }

  /** The oldest buffered record has waited the maximum age. */
  boolean isExpired() {
    return records > 0 && nanoTime.getAsLong() - openedAtNanos >= rotation.maxAge().toNanos();
  }

  /** Finishes compression; the batch takes no more records afterwards. */
  byte[] finish() {
    try {
      gzip.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return compressed.toByteArray();
  }

  int records() {
    return records;
  }

  long payloadBytes() {
    return payloadBytes;
  }

  String firstSequenceNumber() {
    return firstSequenceNumber;
  }

  long firstSubSequenceNumber() {
    return firstSubSequenceNumber;
  }

  Instant firstArrival() {
    return firstArrival;
  }

  String lastSequenceNumber() {
    return lastSequenceNumber;
  }

  long lastSubSequenceNumber() {
    return lastSubSequenceNumber;
  }
}

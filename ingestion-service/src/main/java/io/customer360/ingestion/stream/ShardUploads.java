package io.customer360.ingestion.stream;

import io.customer360.common.pipeline.PipelineMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The bronze writes of one shard, made in order on a background thread so that the shard keeps
 * encoding the next file while the previous one is written and announced. At most {@code
 * maxInFlight} files are queued or being written; {@link #submit} blocks beyond that
 * (back-pressure), which bounds memory.
 *
 * <p>Knows the one position that may be checkpointed: the end of the newest file that, with every
 * earlier file of the shard, has been written and announced. A write is retried until it succeeds
 * ({@link Retry}); if it gives up, every later call throws {@link Failed} and no later position is
 * ever reported, so the shard cannot checkpoint past the lost file.
 *
 * <p>Not thread-safe: used from the shard's record processor, which KCL calls one at a time.
 */
final class ShardUploads {

  private static final Logger log = LoggerFactory.getLogger(ShardUploads.class);
  private static final Duration IDLE_THREAD_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CANCEL_WAIT = Duration.ofSeconds(5);

  /** A Kinesis position: the last record of a file. */
  record Position(String sequenceNumber, long subSequenceNumber) {}

  private final String shardId;
  private final BatchSink sink;
  private final int maxInFlight;
  private final ThreadPoolExecutor writer;
  private final Deque<Pending> pending = new ArrayDeque<>();
  private volatile boolean cancelled;
  private volatile boolean broken;
  private Position unreportedEnd;
  private Failed failure;

  ShardUploads(String shardId, BatchSink sink, int maxInFlight) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1: " + maxInFlight);
    }
    this.shardId = shardId;
    this.sink = sink;
    this.maxInFlight = maxInFlight;
    // One thread keeps the shard's files in order; it ends when idle, so a processor KCL forgets
    // leaves no thread behind.
    this.writer =
        new ThreadPoolExecutor(
            1,
            1,
            IDLE_THREAD_TIMEOUT.toMillis(),
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "bronze-writer-" + shardId);
              thread.setDaemon(true);
              return thread;
            });
    this.writer.allowCoreThreadTimeOut(true);
  }

  /**
   * Queues the write of a file ending at {@code end}. Blocks while {@code maxInFlight} earlier
   * files are unfinished.
   *
   * @throws Failed if an earlier write of this shard failed for good
   */
  void submit(StreamBatch batch, Position end) {
    collectFinished();
    while (pending.size() >= maxInFlight) {
      awaitOldest();
    }
    Future<?> write = writer.submit(() -> write(batch));
    pending.addLast(new Pending(end, write));
  }

  /**
   * The end of the newest file that, with all earlier ones, is written and announced, if it was not
   * returned before. Does not block.
   *
   * @throws Failed if a write failed for good
   */
  Optional<Position> durable() {
    collectFinished();
    return takeDurable();
  }

  /**
   * Waits for every queued write; returns the end of the last file, if it was not returned before.
   *
   * @throws Failed if a write failed for good
   */
  Optional<Position> drain() {
    while (!pending.isEmpty()) {
      awaitOldest();
    }
    return takeDurable();
  }

  /** Files queued or being written. */
  int inFlight() {
    return pending.size();
  }

  /**
   * Stops writing: queued files are dropped and a running write stops retrying. Waits a few seconds
   * for a write under way, so it does not land after a new lease owner's write of the same key.
   */
  void cancel() {
    cancelled = true;
    pending.clear();
    writer.shutdownNow();
    try {
      if (!writer.awaitTermination(CANCEL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn(
            "Bronze write still running after cancel shard={} waited={}", shardId, CANCEL_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Releases the writer thread once nothing is queued any more. */
  void close() {
    writer.shutdown();
  }

  private void write(StreamBatch batch) {
    String key = batch.path().key();
    MDC.put("shard", shardId);
    // The id every later stage logs for this batch (BronzeAnnouncer derives the same one).
    MDC.put("correlationId", PipelineMessage.correlationIdFor(key));
    long started = System.nanoTime();
    try {
      Retry.untilDone(
          "Bronze write of " + key,
          log,
          () -> {
            if (cancelled) {
              throw new Retry.GiveUp("shard " + shardId + " released", null);
            }
            if (broken) {
              throw new Retry.GiveUp("an earlier file of shard " + shardId + " was lost", null);
            }
            sink.write(batch);
          });
      log.debug(
          "Bronze batch written key={} records={} tookMs={}",
          key,
          batch.records(),
          (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      // Later files are not written: the shard is replayed from before the lost one anyway.
      broken = true;
      throw e;
    } finally {
      MDC.remove("correlationId");
      MDC.remove("shard");
    }
  }

  /** Removes the finished files at the head of the queue. */
  private void collectFinished() {
    throwIfFailed();
    while (!pending.isEmpty() && pending.peekFirst().write().isDone()) {
      awaitOldest();
    }
  }

  private Optional<Position> takeDurable() {
    throwIfFailed();
    Optional<Position> end = Optional.ofNullable(unreportedEnd);
    unreportedEnd = null;
    return end;
  }

  /** Waits for the oldest queued file and makes its end the durable position. */
  private void awaitOldest() {
    throwIfFailed();
    Pending oldest = pending.peekFirst();
    try {
      oldest.write().get();
    } catch (ExecutionException e) {
      fail("Bronze write of shard " + shardId + " failed for good", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("Waiting for the bronze write of shard " + shardId + " was interrupted", e);
    } catch (CancellationException e) {
      fail("Bronze write of shard " + shardId + " was cancelled", e);
    }
    pending.removeFirst();
    unreportedEnd = oldest.end();
  }

  private void fail(String message, Throwable cause) {
    failure = new Failed(message + ": " + cause.getMessage(), cause);
    throw failure;
  }

  private void throwIfFailed() {
    if (failure != null) {
      throw failure;
    }
  }

  private record Pending(Position end, Future<?> write) {}

  /** A file of the shard could not be written: nothing after it may be checkpointed. */
  static final class Failed extends RuntimeException {
    Failed(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

package io.customer360.loader.stage;

import io.customer360.loader.warehouse.WarehouseSqlException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One binary {@code COPY … FROM STDIN}, its rows encoded on a producer thread and sent on the
 * caller's, which owns the connection: the producer (DuckDB decoding Parquet) works on the next
 * chunk while PostgreSQL takes the previous one. At most {@link #QUEUED_CHUNKS} chunks of {@link
 * #CHUNK_BYTES} wait between them, so memory stays bounded however large the batch.
 *
 * <p>If the producer fails, the COPY is cancelled and its exception thrown; if the COPY fails, the
 * producer is interrupted. Either way the server aborts the caller's transaction.
 */
final class BinaryCopyStream {

  private static final Logger log = LoggerFactory.getLogger(BinaryCopyStream.class);

  static final int CHUNK_BYTES = 1 << 18;
  static final int QUEUED_CHUNKS = 8;
  private static final long STOP_WAIT_SECONDS = 10;

  private record Chunk(byte[] bytes, int length) {}

  private static final Chunk END = new Chunk(new byte[0], 0);

  private BinaryCopyStream() {}

  /**
   * Runs {@code producer} on a new thread named {@code threadName}, sending what it writes with
   * {@code copy}; the writer's header and trailer are written here.
   *
   * @param copy a {@code COPY … FROM STDIN (FORMAT binary)} statement
   * @param producer writes the rows, returns what the caller wants back (e.g. rows read)
   * @return what the producer returned
   */
  static long copy(
      Connection connection,
      String copy,
      String threadName,
      ToLongFunction<BinaryCopyWriter> producer) {
    BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
    ExecutorService thread =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread daemon = new Thread(task, threadName);
              daemon.setDaemon(true);
              return daemon;
            });
    CopyIn copyIn = null;
    try {
      CompletableFuture<Long> produced =
          CompletableFuture.supplyAsync(() -> produce(queue, producer), thread);
      copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
      long waiting = 0;
      long writing = 0;
      long bytes = 0;
      while (true) {
        long start = System.nanoTime();
        Chunk chunk = take(queue);
        long taken = System.nanoTime();
        waiting += taken - start;
        if (chunk == END) {
          break;
        }
        copyIn.writeToCopy(chunk.bytes(), 0, chunk.length());
        writing += System.nanoTime() - taken;
        bytes += chunk.length();
      }
      long result = await(produced);
      long ending = System.nanoTime();
      copyIn.endCopy();
      // Waiting means the producer is the bottleneck, writing (and ending) that the server is.
      log.debug(
          "Copied thread={} bytes={} waitMs={} writeMs={} endMs={}",
          threadName,
          bytes,
          waiting / 1_000_000,
          writing / 1_000_000,
          (System.nanoTime() - ending) / 1_000_000);
      return result;
    } catch (SQLException e) {
      throw WarehouseSqlException.statement(copy, e);
    } finally {
      thread.shutdownNow();
      if (copyIn != null && copyIn.isActive()) {
        cancel(copyIn);
      }
      awaitStopped(thread);
    }
  }

  /**
   * Waits a while for an interrupted producer to let go of its files and DuckDB before the caller
   * deletes them; one stuck in native code is left to finish on its own.
   */
  static void awaitStopped(ExecutorService thread) {
    try {
      thread.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs on the producer thread; always ends the queue, so the consumer never waits forever. */
  private static long produce(
      BlockingQueue<Chunk> queue, ToLongFunction<BinaryCopyWriter> producer) {
    try {
      BinaryCopyWriter writer =
          new BinaryCopyWriter(
              CHUNK_BYTES, (bytes, length) -> put(queue, new Chunk(bytes, length)));
      long result = producer.applyAsLong(writer);
      writer.finish();
      return result;
    } finally {
      try {
        queue.put(END);
      } catch (InterruptedException e) {
        // The consumer is gone; it interrupted us.
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void put(BlockingQueue<Chunk> queue, Chunk chunk) {
    try {
      queue.put(chunk);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("COPY abandoned");
    }
  }

  private static Chunk take(BlockingQueue<Chunk> queue) {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("Interrupted while waiting for COPY data");
    }
  }

  private static long await(CompletableFuture<Long> produced) {
    try {
      return produced.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** Sends CopyFail; the server then aborts the transaction, which the caller rolls back. */
  private static void cancel(CopyIn copyIn) {
    try {
      copyIn.cancelCopy();
    } catch (SQLException e) {
      // Expected: the server answers CopyFail with an error; the original failure is thrown.
    }
  }
}

package io.customer360.ingestion.stream;

import io.customer360.common.lake.LakePath;
import io.customer360.common.lake.ObjectNames;
import io.customer360.ingestion.IngestionProperties.Rotation;
import io.customer360.ingestion.bronze.IngestionMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.kinesis.exceptions.KinesisClientLibException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * Buffers one shard's records into bronze batches, writes each finished batch in the background
 * ({@link ShardUploads}) while the next one fills, and checkpoints only up to the last batch that,
 * with every earlier batch of the shard, is stored and announced. On replay after a crash the first
 * batch starts at the same record, so it gets the same key and overwrites what the crashed run may
 * have written: at-least-once delivery, no loss.
 *
 * <p>Checkpoints are made on KCL's thread, in {@code processRecords} (called on empty polls too),
 * so a finished write is checkpointed within one poll interval. KCL's contract: on shard end, write
 * what is buffered, wait for every write and checkpoint the end; on a requested shutdown, write,
 * wait and checkpoint; on lease loss, stop the writes and drop the buffer without checkpointing,
 * since the new owner reads from the last checkpoint.
 *
 * <p>A write that fails for good (its retries were stopped) leaves the processor failed: it drops
 * what KCL delivers afterwards and never checkpoints again, so the records are replayed from the
 * last checkpoint by the shard's next owner.
 */
final class BronzeRecordProcessor implements ShardRecordProcessor {

  private static final Logger log = LoggerFactory.getLogger(BronzeRecordProcessor.class);

  /**
   * Files of a shard queued or being written while the next one fills. Two absorb one slow write;
   * beyond that the shard waits (back-pressure), so a shard holds at most three files in memory.
   */
  static final int MAX_FILES_IN_FLIGHT = 2;

  private final String stream;
  private final String dataset;
  private final BatchSink sink;
  private final IngestionMetrics metrics;
  private final Rotation rotation;
  private final int maxFilesInFlight;
  private final BronzeLineEncoder encoder = new BronzeLineEncoder();
  private String shardId;
  private ShardBatch batch;
  private ShardUploads uploads;
  private boolean failed;

  BronzeRecordProcessor(
      String stream, String dataset, BatchSink sink, IngestionMetrics metrics, Rotation rotation) {
    this(stream, dataset, sink, metrics, rotation, MAX_FILES_IN_FLIGHT);
  }

  BronzeRecordProcessor(
      String stream,
      String dataset,
      BatchSink sink,
      IngestionMetrics metrics,
      Rotation rotation,
      int maxFilesInFlight) {
    this.stream = stream;
    this.dataset = dataset;
    this.sink = sink;
    this.metrics = metrics;
    this.rotation = rotation;
    this.maxFilesInFlight = maxFilesInFlight;
  }

  @Override
  public void initialize(InitializationInput input) {
    shardId = input.shardId();
    batch = newBatch();
    uploads = new ShardUploads(shardId, sink, maxFilesInFlight);
    log.info(
        "Shard assigned stream={} shard={} from={}",
        stream,
        shardId,
        input.extendedSequenceNumber());
  }

  @Override
  public void processRecords(ProcessRecordsInput input) {
    MDC.put("shard", shardId);
    try {
      if (input.millisBehindLatest() != null) {
        metrics.lag(stream, shardId, input.millisBehindLatest());
      }
      if (failed) {
        log.debug("Shard failed, records left for replay count={}", input.records().size());
        return;
      }
      for (KinesisClientRecord record : input.records()) {
        byte[] line = encoder.encode(shardId, record);
        batch.add(
            line,
            record.data().remaining(),
            record.sequenceNumber(),
            record.subSequenceNumber(),
            record.approximateArrivalTimestamp());
        if (batch.isFull()) {
          rotate();
        }
      }
      if (batch.isExpired()) {
        rotate();
      }
      uploads.durable().ifPresent(end -> checkpoint(input.checkpointer(), end));
    } catch (ShardUploads.Failed e) {
      fail(e);
    } catch (Retry.GiveUp e) {
      log.warn("Checkpoint abandoned stream={} shard={}: {}", stream, shardId, e.getMessage());
    } finally {
      MDC.remove("shard");
    }
  }

  @Override
  public void leaseLost(LeaseLostInput input) {
    log.info(
        "Lease lost stream={} shard={} droppedRecords={} droppedFiles={}",
        stream,
        shardId,
        batch.records(),
        uploads.inFlight());
    uploads.cancel();
    batch = newBatch();
    metrics.shardReleased(stream, shardId);
  }

  @Override
  public void shardEnded(ShardEndedInput input) {
    if (!failed) {
      try {
        rotate();
        uploads.drain();
      } catch (ShardUploads.Failed e) {
        fail(e);
      }
    }
    if (failed) {
      // Not checkpointing the end keeps the shard open, so its records are replayed.
      throw new IllegalStateException(
          "Shard " + shardId + " of " + stream + " lost a bronze write; not ending it");
    }
    checkpoint(input.checkpointer(), null);
    uploads.close();
    metrics.shardReleased(stream, shardId);
    log.info("Shard ended stream={} shard={}", stream, shardId);
  }

  @Override
  public void shutdownRequested(ShutdownRequestedInput input) {
    try {
      if (!failed) {
        rotate();
        uploads.drain().ifPresent(end -> checkpoint(input.checkpointer(), end));
      }
    } catch (ShardUploads.Failed e) {
      fail(e);
    } finally {
      uploads.close();
      metrics.shardReleased(stream, shardId);
    }
  }

  /** Hands the buffered batch to the writer and starts a new one. */
  private void rotate() {
    if (batch.isEmpty()) {
      return;
    }
    ShardBatch done = batch;
    batch = newBatch();
    LakePath path =
        LakePath.bronze(
            dataset,
            done.firstArrival(),
            ObjectNames.streamBatch(
                shardId, done.firstSequenceNumber(), done.firstSubSequenceNumber()));
    StreamBatch finished =
        new StreamBatch(
            stream,
            dataset,
            shardId,
            path,
            done.finish(),
            done.records(),
            done.payloadBytes(),
            done.firstSequenceNumber(),
            done.lastSequenceNumber());
    uploads.submit(
        finished,
        new ShardUploads.Position(done.lastSequenceNumber(), done.lastSubSequenceNumber()));
  }

  private void fail(ShardUploads.Failed e) {
    log.error(
        "Bronze write lost, shard stops checkpointing; records are replayed by the next owner"
            + " stream={} shard={}: {}",
        stream,
        shardId,
        e.getMessage());
    failed = true;
    batch = newBatch();
    uploads.cancel();
  }

  /** Checkpoints a position, or the shard end when {@code position} is null. */
  private void checkpoint(
      RecordProcessorCheckpointer checkpointer, ShardUploads.Position position) {
    Retry.untilDone(
        "Checkpoint of " + stream + "/" + shardId,
        log,
        () -> {
          try {
            if (position == null) {
              checkpointer.checkpoint();
            } else {
              checkpointer.checkpoint(position.sequenceNumber(), position.subSequenceNumber());
            }
          } catch (ShutdownException e) {
            throw new Retry.GiveUp("lease lost before checkpoint", e);
          } catch (KinesisClientLibException e) {
            throw new IllegalStateException(e.getMessage(), e);
          }
        });
  }

  private ShardBatch newBatch() {
    return new ShardBatch(rotation, System::nanoTime);
  }
}

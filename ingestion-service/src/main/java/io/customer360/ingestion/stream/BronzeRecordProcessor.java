package io.customer360.ingestion.stream;

import io.customer360.common.lake.LakePath;
import io.customer360.common.lake.ObjectNames;
import io.customer360.common.pipeline.PipelineMessage;
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
 * Buffers one shard's records into bronze batches and checkpoints only after a batch is stored and
 * announced. On replay after a crash the first batch starts at the same record, so it gets the same
 * key and overwrites what the crashed run may have written: at-least-once delivery, no loss.
 *
 * <p>KCL's contract: on shard end, write what is buffered and checkpoint the end; on a requested
 * shutdown, write and checkpoint; on lease loss, drop the buffer without checkpointing, since the
 * new owner reads from the last checkpoint.
 */
final class BronzeRecordProcessor implements ShardRecordProcessor {

  private static final Logger log = LoggerFactory.getLogger(BronzeRecordProcessor.class);
  private static final String CORRELATION_ID = "correlationId";

  private final String stream;
  private final String dataset;
  private final BatchSink sink;
  private final IngestionMetrics metrics;
  private final Rotation rotation;
  private final BronzeLineEncoder encoder = new BronzeLineEncoder();
  private String shardId;
  private ShardBatch batch;

  BronzeRecordProcessor(
      String stream, String dataset, BatchSink sink, IngestionMetrics metrics, Rotation rotation) {
    this.stream = stream;
    this.dataset = dataset;
    this.sink = sink;
    this.metrics = metrics;
    this.rotation = rotation;
  }

  @Override
  public void initialize(InitializationInput input) {
    shardId = input.shardId();
    batch = newBatch();
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
      for (KinesisClientRecord record : input.records()) {
        byte[] line = encoder.encode(shardId, record);
        batch.add(
            line,
            record.data().remaining(),
            record.sequenceNumber(),
            record.subSequenceNumber(),
            record.approximateArrivalTimestamp());
        if (batch.isFull()) {
          flush(input.checkpointer());
        }
      }
      if (batch.isExpired()) {
        flush(input.checkpointer());
      }
    } catch (Retry.GiveUp e) {
      log.warn("Shard batch abandoned stream={} shard={}: {}", stream, shardId, e.getMessage());
      batch = newBatch();
    } finally {
      MDC.remove("shard");
    }
  }

  @Override
  public void leaseLost(LeaseLostInput input) {
    log.info("Lease lost stream={} shard={} droppedRecords={}", stream, shardId, batch.records());
    batch = newBatch();
    metrics.shardReleased(stream, shardId);
  }

  @Override
  public void shardEnded(ShardEndedInput input) {
    flush(input.checkpointer());
    checkpoint(input.checkpointer(), null, 0);
    metrics.shardReleased(stream, shardId);
    log.info("Shard ended stream={} shard={}", stream, shardId);
  }

  @Override
  public void shutdownRequested(ShutdownRequestedInput input) {
    flush(input.checkpointer());
    metrics.shardReleased(stream, shardId);
  }

  private void flush(RecordProcessorCheckpointer checkpointer) {
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
    StreamBatch written =
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
    // The id every later stage logs for this batch (BronzeAnnouncer derives the same one).
    MDC.put(CORRELATION_ID, PipelineMessage.correlationIdFor(path.key()));
    try {
      Retry.untilDone("Bronze write of " + path.key(), log, () -> sink.write(written));
      checkpoint(checkpointer, done.lastSequenceNumber(), done.lastSubSequenceNumber());
      log.debug("Bronze batch written key={} records={}", path.key(), done.records());
    } finally {
      MDC.remove(CORRELATION_ID);
    }
  }

  /** Checkpoints a position, or the shard end when {@code sequenceNumber} is null. */
  private void checkpoint(
      RecordProcessorCheckpointer checkpointer, String sequenceNumber, long subSequenceNumber) {
    Retry.untilDone(
        "Checkpoint of " + stream + "/" + shardId,
        log,
        () -> {
          try {
            if (sequenceNumber == null) {
              checkpointer.checkpoint();
            } else {
              checkpointer.checkpoint(sequenceNumber, subSequenceNumber);
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

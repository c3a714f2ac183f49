package io.customer360.loader.load;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.listener.Visibility;
import io.awspring.cloud.sqs.listener.acknowledgement.Acknowledgement;
import io.customer360.common.pipeline.GoldReady;
import io.customer360.common.pipeline.InvalidMessageException;
import io.customer360.common.pipeline.PipelineMessage;
import io.customer360.common.pipeline.PipelineMessageCodec;
import io.customer360.loader.failure.LoadFailedException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.messaging.handler.annotation.Header;

/**
 * Loads each batch announced on the gold-ready queue. A message is acknowledged (deleted) only
 * after its batch is committed, or found already loaded. A failed load is logged with its reason
 * and left on the queue: it becomes visible again after the retry delay, and after the queue's
 * maximum receives SQS moves it to the dead-letter queue.
 */
public class GoldReadyListener {

  private static final Logger log = LoggerFactory.getLogger(GoldReadyListener.class);

  private final GoldBatchLoader loader;
  private final LoadMetrics metrics;
  private final Duration retryDelay;
  private final PipelineMessageCodec codec = new PipelineMessageCodec();

  /**
   * @param retryDelay how long a failed message stays invisible before its next attempt; zero keeps
   *     the queue's visibility timeout
   */
  public GoldReadyListener(GoldBatchLoader loader, LoadMetrics metrics, Duration retryDelay) {
    this.loader = loader;
    this.metrics = metrics;
    this.retryDelay = retryDelay;
  }

  @SqsListener(
      value = "${c360.warehouse-loader.gold-ready-queue:c360-gold-ready}",
      maxConcurrentMessages = "${c360.warehouse-loader.max-concurrent-loads:2}",
      maxMessagesPerPoll = "${c360.warehouse-loader.max-concurrent-loads:2}",
      acknowledgementMode = "MANUAL")
  void onGoldReady(
      String body,
      Acknowledgement acknowledgement,
      Visibility visibility,
      @Header(
              name = SqsHeaders.MessageSystemAttributes.SQS_APPROXIMATE_RECEIVE_COUNT,
              required = false)
          String receiveCount) {
    GoldReady batch;
    try {
      batch = parse(body);
    } catch (LoadFailedException e) {
      metrics.failed("unknown", "invalid_message");
      log.warn(
          "Gold-ready message refused reason=invalid_message receiveCount={} detail={}",
          receiveCount,
          e.getMessage());
      retryLater(visibility);
      return;
    }
    MDC.put("correlationId", batch.correlationId());
    try {
      LoadOutcome outcome = loader.load(batch);
      acknowledgement.acknowledge();
      log.info(
          "Gold batch handled model={} batchId={} outcome={}",
          batch.dataset(),
          batch.batchId(),
          outcome.kind());
    } catch (LoadFailedException e) {
      log.warn(
          "Gold batch load rolled back model={} batchId={} reason={} retryable={} receiveCount={}"
              + " detail={}",
          batch.dataset(),
          batch.batchId(),
          e.reason(),
          e.retryable(),
          receiveCount,
          e.getMessage());
      retryLater(visibility);
    } finally {
      MDC.remove("correlationId");
    }
  }

  private GoldReady parse(String body) {
    PipelineMessage message;
    try {
      message = codec.fromJson(body);
    } catch (InvalidMessageException e) {
      throw new LoadFailedException("invalid_message", false, e.getMessage(), e);
    }
    if (message instanceof GoldReady gold) {
      return gold;
    }
    throw LoadFailedException.permanent(
        "invalid_message",
        "Expected a gold-ready message, got " + message.getClass().getSimpleName());
  }

  private void retryLater(Visibility visibility) {
    if (retryDelay.isZero()) {
      return;
    }
    try {
      visibility.changeTo(
          (int) Math.min(retryDelay.toSeconds(), Visibility.MAX_VISIBILITY_TIMEOUT_SECONDS));
    } catch (RuntimeException e) {
      log.debug(
          "Could not shorten visibility; the queue's timeout applies error={}", e.getMessage());
    }
  }
}

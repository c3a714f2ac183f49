package io.customer360.transform.silver;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.customer360.common.pipeline.BronzeReady;
import io.customer360.common.pipeline.PipelineMessage;
import io.customer360.common.pipeline.PipelineMessageCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Promotes the bronze objects announced on the bronze-ready queue. The message is deleted only
 * after silver and quarantine are written and silver-ready is sent; any failure leaves it for
 * redelivery (promotion is idempotent) and, after the queue's maximum receives, the dead-letter
 * queue. A message that can never be handled goes there directly by failing every time.
 */
public class BronzeReadyListener {

  private static final Logger log = LoggerFactory.getLogger(BronzeReadyListener.class);

  private final SilverPromoter promoter;
  private final SilverAnnouncer announcer;
  private final SilverMetrics metrics;
  private final PipelineMessageCodec codec = new PipelineMessageCodec();

  public BronzeReadyListener(
      SilverPromoter promoter, SilverAnnouncer announcer, SilverMetrics metrics) {
    this.promoter = promoter;
    this.announcer = announcer;
    this.metrics = metrics;
  }

  @SqsListener("${c360.transform.bronze-ready-queue:c360-bronze-ready}")
  void onBronzeReady(String body) {
    PipelineMessage message = codec.fromJson(body);
    if (!(message instanceof BronzeReady bronze)) {
      log.warn("Ignoring message of another stage type={}", message.getClass().getSimpleName());
      return;
    }
    MDC.put("correlationId", bronze.correlationId());
    try {
      handle(bronze);
    } finally {
      MDC.remove("correlationId");
    }
  }

  /** Promotes one announcement and announces what changed. */
  public SilverPromoter.Result handle(BronzeReady bronze) {
    long started = System.nanoTime();
    SilverPromoter.Result result = promoter.promote(bronze.dataset(), bronze.objectKeys());
    if (!result.partitions().isEmpty()) {
      announcer.announce(bronze.correlationId(), result);
    }
    metrics.promoted(result, System.nanoTime() - started);
    return result;
  }
}

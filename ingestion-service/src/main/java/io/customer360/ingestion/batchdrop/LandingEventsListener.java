package io.customer360.ingestion.batchdrop;

import io.awspring.cloud.sqs.annotation.SqsListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests the files announced by S3 event notifications on the landing-events queue. A message is
 * deleted only after every file it names is handled; a failure leaves it for redelivery and, after
 * the queue's maximum receives, the dead-letter queue.
 */
public class LandingEventsListener {

  private static final Logger log = LoggerFactory.getLogger(LandingEventsListener.class);

  private final DropIngestor ingestor;
  private final S3EventNotifications notifications = new S3EventNotifications();

  public LandingEventsListener(DropIngestor ingestor) {
    this.ingestor = ingestor;
  }

  @SqsListener("${c360.ingestion.landing.events-queue:c360-landing-events}")
  void onNotification(String body) {
    for (LandingObject object : notifications.createdObjects(body)) {
      DropIngestor.Outcome outcome = ingestor.ingest(object);
      log.debug("Landing notification handled key={} outcome={}", object.key(), outcome);
    }
  }
}

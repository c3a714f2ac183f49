package io.customer360.ingestion;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of ingestion-service, bound from {@code c360.ingestion.*}.
 *
 * @param bucket The lake bucket.
 * @param clickstreamStream Kinesis stream of clickstream events.
 * @param weblogStream Kinesis stream of Apache logs (Kinesis Agent JSON).
 * @param landingEventsQueue SQS queue of S3 event notifications for landing/.
 * @param bronzeReadyQueue SQS queue announcing bronze objects.
 */
@ConfigurationProperties("c360.ingestion")
public record IngestionProperties(
    @DefaultValue("c360-lake") String bucket,
    @DefaultValue("c360-clickstream") String clickstreamStream,
    @DefaultValue("c360-weblog") String weblogStream,
    @DefaultValue("c360-landing-events") String landingEventsQueue,
    @DefaultValue("c360-bronze-ready") String bronzeReadyQueue) {}

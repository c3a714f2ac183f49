package io.customer360.transform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of transform-service, bound from {@code c360.transform.*}.
 *
 * @param bucket The lake bucket.
 * @param bronzeReadyQueue SQS queue of bronze-ready messages consumed.
 * @param silverReadyQueue SQS queue of silver-ready messages.
 * @param goldReadyQueue SQS queue announcing gold batches.
 */
@ConfigurationProperties("c360.transform")
public record TransformProperties(
    @DefaultValue("c360-lake") String bucket,
    @DefaultValue("c360-bronze-ready") String bronzeReadyQueue,
    @DefaultValue("c360-silver-ready") String silverReadyQueue,
    @DefaultValue("c360-gold-ready") String goldReadyQueue) {}

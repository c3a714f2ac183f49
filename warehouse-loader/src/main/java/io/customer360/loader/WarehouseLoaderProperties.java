package io.customer360.loader;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of warehouse-loader, bound from {@code c360.warehouse-loader.*}.
 *
 * @param bucket The lake bucket.
 * @param goldReadyQueue SQS queue of gold-ready messages consumed.
 */
@ConfigurationProperties("c360.warehouse-loader")
public record WarehouseLoaderProperties(
    @DefaultValue("c360-lake") String bucket,
    @DefaultValue("c360-gold-ready") String goldReadyQueue) {}

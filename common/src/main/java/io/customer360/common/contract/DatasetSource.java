package io.customer360.common.contract;

/**
 * Where and how a dataset arrives: a stream name, or a landing folder below {@code landing/}.
 *
 * @param channel stream or landing drop
 * @param name the Kinesis stream name, or the landing sub-path such as {@code crm} or {@code
 *     dms/orders}
 * @param format the record encoding
 */
public record DatasetSource(SourceChannel channel, String name, SourceFormat format) {}

package io.customer360.ingestion.stream;

/**
 * A Kinesis stream and the dataset its records belong to, as the dataset's contract declares.
 *
 * @param stream Kinesis stream name
 * @param dataset dataset name, the bronze prefix
 */
public record StreamRoute(String stream, String dataset) {}

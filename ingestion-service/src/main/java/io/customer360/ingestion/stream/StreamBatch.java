package io.customer360.ingestion.stream;

import io.customer360.common.lake.LakePath;

/**
 * A finished shard batch: one gzip JSON-lines bronze object.
 *
 * @param stream source stream
 * @param dataset target dataset
 * @param shardId source shard
 * @param path deterministic bronze key: ingest hour of the first record's arrival, shard and first
 *     sequence number
 * @param body gzip JSON lines
 * @param records lines in the body
 * @param payloadBytes payload bytes received
 * @param firstSequenceNumber first record's sequence number
 * @param lastSequenceNumber last record's sequence number
 */
public record StreamBatch(
    String stream,
    String dataset,
    String shardId,
    LakePath path,
    byte[] body,
    int records,
    long payloadBytes,
    String firstSequenceNumber,
    String lastSequenceNumber) {}

package io.customer360.common.lake;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Deterministic bronze object names, so that a replay overwrites the same object instead of adding
 * one.
 */
public final class ObjectNames {

  private static final Pattern SHARD = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final Pattern SEQUENCE = Pattern.compile("[0-9]+");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private ObjectNames() {}

  /** {@code {shardId}-{firstSequenceNumber}.jsonl.gz} for a batch of stream records. */
  public static String streamBatch(String shardId, String firstSequenceNumber) {
    return streamBatch(shardId, firstSequenceNumber, 0);
  }

  /**
   * The name of a batch that starts inside a KPL-aggregated record: {@code
   * {shardId}-{firstSequenceNumber}-{subSequenceNumber}.jsonl.gz}, so two batches that split one
   * aggregated record never share a name. Sub-sequence 0 gives the plain name.
   */
  public static String streamBatch(
      String shardId, String firstSequenceNumber, long firstSubSequenceNumber) {
    if (shardId == null || !SHARD.matcher(shardId).matches()) {
      throw new IllegalArgumentException("Invalid Kinesis shard id: " + shardId);
    }
    if (firstSequenceNumber == null || !SEQUENCE.matcher(firstSequenceNumber).matches()) {
      throw new IllegalArgumentException("Invalid Kinesis sequence number: " + firstSequenceNumber);
    }
    if (firstSubSequenceNumber < 0) {
      throw new IllegalArgumentException("Negative sub-sequence number: " + firstSubSequenceNumber);
    }
    String sub = firstSubSequenceNumber == 0 ? "" : "-" + firstSubSequenceNumber;
    return shardId + "-" + firstSequenceNumber + sub + ".jsonl.gz";
  }

  /**
   * {@code {sha256 prefix}-{original name}} for a dropped file: the same content under the same
   * name always gives the same object, while the original name (and so its extension) is kept.
   */
  public static String batchFile(String originalName, String sha256Hex) {
    if (sha256Hex == null || !SHA256.matcher(sha256Hex).matches()) {
      throw new IllegalArgumentException("Expected a lower-case hex SHA-256, got: " + sha256Hex);
    }
    String base = originalName.substring(originalName.lastIndexOf('/') + 1);
    if (base.isBlank()) {
      throw new IllegalArgumentException("Dropped file has no name: '" + originalName + "'");
    }
    return sha256Hex.substring(0, 16) + "-" + base;
  }

  /** Hex form of a digest, for {@link #batchFile}. */
  public static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }
}

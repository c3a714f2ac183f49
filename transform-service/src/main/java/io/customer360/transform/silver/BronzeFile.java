package io.customer360.transform.silver;

import io.customer360.common.lake.LakePath;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A bronze object downloaded to a local file for DuckDB.
 *
 * @param key the bronze object key, kept as every row's {@code _source_object}
 * @param path the local copy
 * @param receivedAt when ingestion received it (landing files); stream records carry their own
 *     arrival time
 * @param gzip whether the bytes are gzip-compressed
 */
record BronzeFile(String key, Path path, Instant receivedAt, boolean gzip) {

  /**
   * The stable prefix of this file's record keys: the content-hash prefix of a landing file's
   * bronze name ({@code 3f2a…-customers.csv}), so a re-sent file yields the same keys.
   */
  String recordKeyPrefix() {
    String name = LakePath.of(key).name();
    int dash = name.indexOf('-');
    return dash > 0 ? name.substring(0, dash) : name;
  }
}

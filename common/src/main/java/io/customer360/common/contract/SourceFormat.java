package io.customer360.common.contract;

/** The encoding of records as a source sends them. Any file format may also arrive gzipped. */
public enum SourceFormat {
  JSON,
  JSON_LINES,
  CSV,
  PARQUET
}

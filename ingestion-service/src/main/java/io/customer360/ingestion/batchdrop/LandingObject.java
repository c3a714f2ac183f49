package io.customer360.ingestion.batchdrop;

/**
 * A file under {@code landing/} as S3 reports it, from an event notification or a listing.
 *
 * @param key object key
 * @param eTag entity tag, which changes when the content changes
 * @param size bytes
 */
public record LandingObject(String key, String eTag, long size) {

  public LandingObject {
    eTag = eTag == null ? "" : eTag.replace("\"", "");
  }
}

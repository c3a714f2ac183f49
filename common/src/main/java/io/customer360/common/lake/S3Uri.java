package io.customer360.common.lake;

/**
 * An {@code s3://bucket/key} location.
 *
 * @param bucket bucket name
 * @param key object key, possibly empty for the bucket itself
 */
public record S3Uri(String bucket, String key) {

  public S3Uri {
    if (bucket == null || bucket.isBlank() || bucket.contains("/")) {
      throw new IllegalArgumentException("S3 bucket name is missing or contains '/': " + bucket);
    }
    key = key == null ? "" : key;
  }

  /** Parses {@code s3://bucket/key}. */
  public static S3Uri of(String uri) {
    if (uri == null || !uri.startsWith("s3://")) {
      throw new IllegalArgumentException("Not an s3:// URI: " + uri);
    }
    String rest = uri.substring("s3://".length());
    int slash = rest.indexOf('/');
    return slash < 0
        ? new S3Uri(rest, "")
        : new S3Uri(rest.substring(0, slash), rest.substring(slash + 1));
  }

  /** The location of a lake path in a bucket. */
  public static S3Uri of(String bucket, LakePath path) {
    return new S3Uri(bucket, path.key());
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }
}

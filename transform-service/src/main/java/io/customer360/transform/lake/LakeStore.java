package io.customer360.transform.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The lake bucket as transform-service uses it: whole objects to and from local files (DuckDB has
 * no S3 access here), listings and deletes. SDK failures become {@link LakeStoreException}s naming
 * the operation and key; they are retryable, so the triggering message is redelivered.
 */
public class LakeStore {

  private final S3Client s3;
  private final String bucket;

  public LakeStore(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  public String bucket() {
    return bucket;
  }

  /** A downloaded object: where, its user metadata and last-modified time. */
  public record Download(Path path, Map<String, String> metadata, Instant lastModified) {}

  /** Downloads an object to a file (replacing it). */
  public Download download(String key, Path target) {
    try {
      Files.createDirectories(target.getParent());
      Files.deleteIfExists(target);
      GetObjectResponse response = s3.getObject(b -> b.bucket(bucket).key(key), target);
      return new Download(target, response.metadata(), response.lastModified());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare local file " + target + " for " + key, e);
    } catch (SdkException e) {
      throw new LakeStoreException("download", key, e);
    }
  }

  /** Keys under a prefix, sorted. */
  public List<String> list(String prefix) {
    return List.copyOf(listWithETags(prefix).keySet());
  }

  /** Keys under a prefix with their ETags, sorted by key. */
  public Map<String, String> listWithETags(String prefix) {
    Map<String, String> objects = new TreeMap<>();
    try {
      ListObjectsV2Request request =
          ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
      for (S3Object object : s3.listObjectsV2Paginator(request).contents()) {
        objects.put(object.key(), object.eTag());
      }
    } catch (SdkException e) {
      throw new LakeStoreException("list", prefix, e);
    }
    return objects;
  }

  /** An object's content as text, or empty when it does not exist. */
  public java.util.Optional<String> readText(String key) {
    try {
      return java.util.Optional.of(
          s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String());
    } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
      return java.util.Optional.empty();
    } catch (SdkException e) {
      throw new LakeStoreException("read", key, e);
    }
  }

  /** Uploads a file. */
  public void upload(Path file, String key, String contentType) {
    try {
      s3.putObject(
          b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file));
    } catch (SdkException e) {
      throw new LakeStoreException("upload", key, e);
    }
  }

  /** Uploads bytes. */
  public void upload(byte[] bytes, String key, String contentType) {
    try {
      s3.putObject(
          b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    } catch (SdkException e) {
      throw new LakeStoreException("upload", key, e);
    }
  }

  /** Deletes objects; absent ones are fine. */
  public void delete(List<String> keys) {
    for (String key : keys) {
      try {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
      } catch (SdkException e) {
        throw new LakeStoreException("delete", key, e);
      }
    }
  }

  /** An S3 operation on the lake failed; retry the work later. */
  public static final class LakeStoreException extends RuntimeException {
    LakeStoreException(String operation, String key, SdkException cause) {
      super("Lake " + operation + " failed for s3 key " + key + ": " + cause.getMessage(), cause);
    }
  }
}

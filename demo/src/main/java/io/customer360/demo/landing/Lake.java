package io.customer360.demo.landing;

import static io.customer360.demo.landing.LandFileException.notRunning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The lake bucket, as far as land-file uses it. SDK failures are translated here, once, into
 * messages that name the call and the key.
 */
final class Lake implements AutoCloseable {

  private final S3Client s3;
  private final String bucket;

  Lake(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  String bucket() {
    return bucket;
  }

  /**
   * Checks that the store answers and has the bucket.
   *
   * @throws LandFileException (exit 3) when it does not
   */
  void requireReachable(URI endpoint) {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      throw notRunning("S3 at " + endpoint + " has no bucket " + bucket);
    } catch (SdkException e) {
      throw notRunning("S3 at " + endpoint + " does not answer (" + firstLine(e) + ")");
    }
  }

  /** Writes a local file to a key; returns the object as the store recorded it. */
  LandedObject put(String key, Path file) {
    call(
        "put", key, () -> s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file)));
    HeadObjectResponse head =
        head(key).orElseThrow(() -> failed("put", key, "the object is missing right after"));
    return new LandedObject(key, head.eTag().replace("\"", ""), head.lastModified());
  }

  /** Every object under a prefix. */
  List<S3Object> list(String prefix) {
    return call(
        "list",
        prefix,
        () ->
            s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .toList());
  }

  /** An object's metadata, empty when there is no such object. */
  Optional<HeadObjectResponse> head(String key) {
    try {
      return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)));
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw failed("head", key, firstLine(e));
    } catch (SdkException e) {
      throw failed("head", key, firstLine(e));
    }
  }

  /** A small object's text. */
  String text(String key) {
    return call(
        "get", key, () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String());
  }

  /** Downloads an object to a local file; false when the object is gone meanwhile. */
  boolean download(String key, Path target) {
    try {
      Files.createDirectories(target.getParent());
      Files.deleteIfExists(target);
      s3.getObject(b -> b.bucket(bucket).key(key), target);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target, e);
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw failed("get", key, firstLine(e));
    } catch (SdkException e) {
      throw failed("get", key, firstLine(e));
    }
  }

  private <T> T call(String what, String key, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw failed(what, key, firstLine(e));
    }
  }

  private LandFileException failed(String what, String key, String why) {
    return new LandFileException(
        LandFile.EXIT_FAILED,
        "S3 " + what + " of s3://" + bucket + "/" + key + " failed: " + why + "; is the demo up?");
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  @Override
  public void close() {
    s3.close();
  }
}

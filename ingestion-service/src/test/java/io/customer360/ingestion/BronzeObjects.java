package io.customer360.ingestion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test helper reading bronze stream objects back from S3. */
public final class BronzeObjects {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private BronzeObjects() {}

  /** Keys under a prefix. */
  public static List<String> keys(S3Client s3, String bucket, String prefix) {
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
        .map(S3Object::key)
        .toList();
  }

  /** Every bronze line of every object under a prefix. */
  public static List<JsonNode> lines(S3Client s3, String bucket, String prefix) {
    List<JsonNode> lines = new ArrayList<>();
    for (String key : keys(s3, bucket, prefix)) {
      lines.addAll(linesOf(s3, bucket, key));
    }
    return lines;
  }

  /** The lines of one gzip JSON-lines object. */
  public static List<JsonNode> linesOf(S3Client s3, String bucket, String key) {
    byte[] gz = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<JsonNode> lines = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (!line.isEmpty()) {
          lines.add(JSON.readTree(line));
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + key, e);
    }
  }

  /** The original payload bytes a bronze line keeps. */
  public static byte[] payload(JsonNode line) {
    return line.has("payload_base64")
        ? Base64.getDecoder().decode(line.get("payload_base64").asString())
        : line.get("payload").asString().getBytes(StandardCharsets.UTF_8);
  }
}

package io.customer360.datagen.sink;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.PlatformResources;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Sends to AWS (or the local emulators): stream records with Kinesis PutRecords in batches of at
 * most 500 records and 5 MiB, re-sending only the entries a response reports as failed; files with
 * S3 PutObject into the lake bucket; ground truth under {@code truth/} in the same bucket.
 */
public final class AwsSink implements DataSink {

  /** Key prefix of the ground truth in the lake bucket. */
  public static final String TRUTH_PREFIX = "truth/";

  static final int MAX_BATCH_RECORDS = 500;
  static final long MAX_BATCH_BYTES = 5L * 1024 * 1024;
  private static final int MAX_ATTEMPTS = 12;

  private final KinesisClient kinesis;
  private final S3Client s3;
  private final String bucket;

  public AwsSink(AwsClientFactory clients) {
    this(clients.kinesis(), clients.s3(), PlatformResources.LAKE_BUCKET);
  }

  AwsSink(KinesisClient kinesis, S3Client s3, String bucket) {
    this.kinesis = kinesis;
    this.s3 = s3;
    this.bucket = bucket;
  }

  @Override
  public void putRecords(String stream, List<StreamRecord> records) {
    List<PutRecordsRequestEntry> batch = new ArrayList<>();
    long bytes = 0;
    for (StreamRecord r : records) {
      long size = r.data().length + r.partitionKey().length();
      if (!batch.isEmpty()
          && (batch.size() == MAX_BATCH_RECORDS || bytes + size > MAX_BATCH_BYTES)) {
        send(stream, batch);
        batch = new ArrayList<>();
        bytes = 0;
      }
      batch.add(
          PutRecordsRequestEntry.builder()
              .partitionKey(r.partitionKey())
              .data(SdkBytes.fromByteArrayUnsafe(r.data()))
              .build());
      bytes += size;
    }
    if (!batch.isEmpty()) {
      send(stream, batch);
    }
  }

  /** Puts one batch, retrying the failed entries with back-off until all are accepted. */
  private void send(String stream, List<PutRecordsRequestEntry> batch) {
    List<PutRecordsRequestEntry> pending = batch;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      List<PutRecordsRequestEntry> toSend = pending;
      PutRecordsResponse response;
      try {
        response = kinesis.putRecords(b -> b.streamName(stream).records(toSend));
      } catch (SdkException e) {
        if (attempt == MAX_ATTEMPTS || !(e.retryable() || e instanceof SdkClientException)) {
          throw new IllegalStateException(
              "PutRecords to stream="
                  + stream
                  + " failed for "
                  + toSend.size()
                  + " records after "
                  + attempt
                  + " attempts ("
                  + e.getMessage()
                  + "); check the stream exists and the credentials allow kinesis:PutRecords",
              e);
        }
        backOff(attempt);
        continue;
      }
      if (response.failedRecordCount() == null || response.failedRecordCount() == 0) {
        return;
      }
      pending = failedEntries(toSend, response.records());
      backOff(attempt);
    }
    throw new IllegalStateException(
        "PutRecords to stream="
            + stream
            + " still had "
            + pending.size()
            + " failed records after "
            + MAX_ATTEMPTS
            + " attempts (throttled?); lower --rate");
  }

  static List<PutRecordsRequestEntry> failedEntries(
      List<PutRecordsRequestEntry> sent, List<PutRecordsResultEntry> results) {
    List<PutRecordsRequestEntry> failed = new ArrayList<>();
    for (int i = 0; i < sent.size(); i++) {
      if (results.get(i).errorCode() != null) {
        failed.add(sent.get(i));
      }
    }
    return failed;
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(Math.min(5_000L, 50L << attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while retrying PutRecords", e);
    }
  }

  @Override
  public void putFile(String key, byte[] content) {
    put(key, content);
  }

  @Override
  public void putTruth(String name, byte[] content) {
    put(TRUTH_PREFIX + name, content);
  }

  private void put(String key, byte[] content) {
    try {
      s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw new IllegalStateException(
          "PutObject s3://"
              + bucket
              + "/"
              + key
              + " failed; check the bucket exists and the credentials allow s3:PutObject",
          e);
    }
  }

  @Override
  public void close() {
    kinesis.close();
    s3.close();
  }
}

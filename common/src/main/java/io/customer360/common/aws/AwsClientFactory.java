package io.customer360.common.aws;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds AWS SDK v2 clients from {@link AwsSettings}: region, credentials and endpoint overrides in
 * one place, so every service talks to real AWS and to the emulators the same way. Callers own and
 * close the clients they get.
 */
public final class AwsClientFactory {

  private static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(60);

  private final AwsSettings settings;
  private final AwsCredentialsProvider credentials;

  public AwsClientFactory(AwsSettings settings) {
    this.settings = settings;
    this.credentials =
        settings.hasStaticCredentials()
            ? StaticCredentialsProvider.create(
                AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()))
            : DefaultCredentialsProvider.builder().build();
  }

  /** The settings behind these clients. */
  public AwsSettings settings() {
    return settings;
  }

  /** A synchronous S3 client, path-style where configured. */
  public S3Client s3() {
    return configure(S3Client.builder(), settings.endpoints().s3())
        .forcePathStyle(settings.pathStyleAccess())
        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(32))
        .build();
  }

  /** A synchronous SQS client. */
  public SqsClient sqs() {
    return configure(SqsClient.builder(), settings.endpoints().sqs())
        .httpClientBuilder(ApacheHttpClient.builder())
        .build();
  }

  /** An asynchronous SQS client, as Spring Cloud AWS listeners use. */
  public SqsAsyncClient sqsAsync() {
    return configure(SqsAsyncClient.builder(), settings.endpoints().sqs())
        .httpClientBuilder(NettyNioAsyncHttpClient.builder())
        .build();
  }

  /** A synchronous Kinesis client, for producers. */
  public KinesisClient kinesis() {
    return configure(KinesisClient.builder(), settings.endpoints().kinesis())
        .httpClientBuilder(ApacheHttpClient.builder())
        .build();
  }

  /**
   * An asynchronous Kinesis client for the KCL: HTTP/2 against AWS (as KCL recommends), HTTP/1.1
   * against a plain-HTTP emulator endpoint, which cannot speak HTTP/2.
   */
  public KinesisAsyncClient kinesisAsync() {
    URI endpoint = settings.endpoints().kinesis();
    boolean plainHttp = endpoint != null && "http".equals(endpoint.getScheme());
    return configure(KinesisAsyncClient.builder(), endpoint)
        .httpClientBuilder(
            NettyNioAsyncHttpClient.builder()
                .protocol(plainHttp ? Protocol.HTTP1_1 : Protocol.HTTP2)
                .maxConcurrency(Integer.MAX_VALUE))
        .build();
  }

  /** An asynchronous DynamoDB client, for KCL leases. */
  public DynamoDbAsyncClient dynamoDbAsync() {
    return configure(DynamoDbAsyncClient.builder(), settings.endpoints().dynamodb())
        .httpClientBuilder(NettyNioAsyncHttpClient.builder())
        .build();
  }

  /** A synchronous DynamoDB client. */
  public DynamoDbClient dynamoDb() {
    return configure(DynamoDbClient.builder(), settings.endpoints().dynamodb())
        .httpClientBuilder(ApacheHttpClient.builder())
        .build();
  }

  /** An asynchronous CloudWatch client, for KCL metrics where they are enabled. */
  public CloudWatchAsyncClient cloudWatchAsync() {
    return configure(CloudWatchAsyncClient.builder(), settings.endpoints().cloudwatch())
        .httpClientBuilder(NettyNioAsyncHttpClient.builder())
        .build();
  }

  /**
   * Any other SDK client's builder with these settings' region, credentials and call timeout, at
   * the service's regional endpoint (there is no emulator override for it); the caller chooses the
   * HTTP client and builds. transform-service builds its Glue client this way, so {@code common}
   * needs no dependency on every SDK module a single service uses.
   */
  public <B extends AwsClientBuilder<B, ?>> B regional(B builder) {
    return configure(builder, null);
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(B builder, URI endpoint) {
    builder
        .region(Region.of(settings.region()))
        .credentialsProvider(credentials)
        .overrideConfiguration(c -> c.apiCallTimeout(API_CALL_TIMEOUT));
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder;
  }
}

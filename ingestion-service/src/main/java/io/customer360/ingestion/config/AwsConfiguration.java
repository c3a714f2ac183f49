package io.customer360.ingestion.config;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.AwsSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** AWS SDK clients of ingestion-service, all built from {@code c360.aws.*}. */
@Configuration(proxyBeanMethods = false)
class AwsConfiguration {

  @Bean
  AwsClientFactory awsClientFactory(AwsSettings settings) {
    return new AwsClientFactory(settings);
  }

  @Bean
  S3Client s3Client(AwsClientFactory clients) {
    return clients.s3();
  }

  @Bean
  SqsClient sqsClient(AwsClientFactory clients) {
    return clients.sqs();
  }

  /** Used by Spring Cloud AWS listeners, replacing its own client so one configuration rules. */
  @Bean
  SqsAsyncClient sqsAsyncClient(AwsClientFactory clients) {
    return clients.sqsAsync();
  }

  @Bean
  KinesisAsyncClient kinesisAsyncClient(AwsClientFactory clients) {
    return clients.kinesisAsync();
  }

  @Bean
  DynamoDbAsyncClient dynamoDbAsyncClient(AwsClientFactory clients) {
    return clients.dynamoDbAsync();
  }

  @Bean
  DynamoDbClient dynamoDbClient(AwsClientFactory clients) {
    return clients.dynamoDb();
  }

  @Bean
  CloudWatchAsyncClient cloudWatchAsyncClient(AwsClientFactory clients) {
    return clients.cloudWatchAsync();
  }
}

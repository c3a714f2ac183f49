package io.customer360.loader.config;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.AwsSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** AWS SDK clients of warehouse-loader, built from {@code c360.aws.*}. */
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

  /** Used by the Spring Cloud AWS listener, replacing its own client so one configuration rules. */
  @Bean
  SqsAsyncClient sqsAsyncClient(AwsClientFactory clients) {
    return clients.sqsAsync();
  }
}

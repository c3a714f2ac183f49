package io.customer360.scoring.config;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.AwsSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3Client;

/** AWS SDK clients of ml-scoring-service, built from {@code c360.aws.*}. */
@Configuration(proxyBeanMethods = false)
class AwsConfiguration {

  @Bean
  AwsClientFactory awsClientFactory(AwsSettings settings) {
    return new AwsClientFactory(settings);
  }

  @Bean(destroyMethod = "close")
  S3Client s3Client(AwsClientFactory clients) {
    return clients.s3();
  }
}

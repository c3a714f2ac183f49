package io.customer360.loader.config;

import io.customer360.loader.WarehouseLoaderProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3Client;

/** Health of the lake bucket; the warehouse's health is Spring Boot's datasource indicator. */
@Configuration(proxyBeanMethods = false)
class WarehouseHealthIndicators {

  @Bean
  HealthIndicator lakeHealth(S3Client s3, WarehouseLoaderProperties properties) {
    return () -> {
      try {
        s3.headBucket(b -> b.bucket(properties.bucket()));
        return Health.up().withDetail("bucket", properties.bucket()).build();
      } catch (RuntimeException e) {
        return Health.down().withDetail("bucket", properties.bucket()).withException(e).build();
      }
    };
  }
}

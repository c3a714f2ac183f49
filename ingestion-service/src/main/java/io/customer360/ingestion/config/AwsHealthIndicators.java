package io.customer360.ingestion.config;

import io.customer360.ingestion.IngestionProperties;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Health of the two things ingestion cannot work without: the lake bucket and the streams. */
@Configuration(proxyBeanMethods = false)
class AwsHealthIndicators {

  @Bean
  HealthIndicator s3Health(S3Client s3, IngestionProperties properties) {
    return () -> {
      try {
        s3.headBucket(b -> b.bucket(properties.bucket()));
        return Health.up().withDetail("bucket", properties.bucket()).build();
      } catch (RuntimeException e) {
        return Health.down().withDetail("bucket", properties.bucket()).withException(e).build();
      }
    };
  }

  @Bean
  HealthIndicator kinesisHealth(KinesisAsyncClient kinesis, IngestionProperties properties) {
    return () -> {
      Health.Builder health = Health.up();
      for (String stream : properties.stream().streams()) {
        try {
          var status =
              kinesis
                  .describeStreamSummary(b -> b.streamName(stream))
                  .get(5, TimeUnit.SECONDS)
                  .streamDescriptionSummary()
                  .streamStatusAsString();
          health.withDetail(stream, status);
        } catch (Exception e) {
          return Health.down().withDetail(stream, "unreachable: " + e.getMessage()).build();
        }
      }
      return health.build();
    };
  }
}

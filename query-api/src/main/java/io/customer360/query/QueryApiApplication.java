package io.customer360.query;

import io.customer360.common.aws.AwsSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Read-only REST API and dashboard page over the warehouse. */
@SpringBootApplication
@EnableConfigurationProperties({QueryApiProperties.class, AwsSettings.class})
public class QueryApiApplication {

  public static void main(String[] args) {
    SpringApplication.run(QueryApiApplication.class, args);
  }
}

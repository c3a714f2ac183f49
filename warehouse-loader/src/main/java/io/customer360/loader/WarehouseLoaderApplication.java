package io.customer360.loader;

import io.customer360.common.aws.AwsSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Owns the warehouse schema (Flyway) and loads gold batches into facts and dimensions,
 * idempotently.
 */
@SpringBootApplication
@EnableConfigurationProperties({WarehouseLoaderProperties.class, AwsSettings.class})
public class WarehouseLoaderApplication {

  public static void main(String[] args) {
    SpringApplication.run(WarehouseLoaderApplication.class, args);
  }
}

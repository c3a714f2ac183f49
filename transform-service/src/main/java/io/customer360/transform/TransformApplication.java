package io.customer360.transform;

import io.customer360.common.aws.AwsSettings;
import io.customer360.common.contract.ContractRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Promotes bronze to silver (validated, de-duplicated, PII-protected Parquet) and silver to gold.
 */
@SpringBootApplication
@EnableConfigurationProperties({TransformProperties.class, AwsSettings.class})
public class TransformApplication {

  public static void main(String[] args) {
    SpringApplication.run(TransformApplication.class, args);
  }

  /**
   * The dataset contracts, loaded and validated at start-up: a broken contract stops the service
   * with a message naming the file and field.
   */
  @Bean
  ContractRegistry contractRegistry(
      @Value("${c360.contracts.location:" + ContractRegistry.DEFAULT_LOCATION + "}")
          String location) {
    return ContractRegistry.load(location);
  }
}

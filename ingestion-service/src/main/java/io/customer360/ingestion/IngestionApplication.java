package io.customer360.ingestion;

import io.customer360.common.aws.AwsSettings;
import io.customer360.common.contract.ContractRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Consumes Kinesis streams with the KCL and batch drops from landing/, and writes bronze. */
@SpringBootApplication
@EnableConfigurationProperties({IngestionProperties.class, AwsSettings.class})
public class IngestionApplication {

  public static void main(String[] args) {
    SpringApplication.run(IngestionApplication.class, args);
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

package io.customer360.scoring;

import io.customer360.common.aws.AwsSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Trains the churn model, keeps the model registry in S3 and serves churn scores. */
@SpringBootApplication
@EnableConfigurationProperties({ScoringProperties.class, AwsSettings.class})
public class ScoringApplication {

  public static void main(String[] args) {
    SpringApplication.run(ScoringApplication.class, args);
  }
}

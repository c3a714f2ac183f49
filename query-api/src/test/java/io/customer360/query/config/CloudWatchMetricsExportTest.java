package io.customer360.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.metrics.CloudWatchExportAutoConfiguration;
import io.micrometer.cloudwatch2.CloudWatchConfig;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The CloudWatch registry every service carries: absent locally (no namespace), present with the
 * variables the CDK's ServiceEnvironment sets. The registry here is built with export disabled, so
 * nothing is sent to AWS.
 */
class CloudWatchMetricsExportTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  MetricsAutoConfiguration.class,
                  CompositeMeterRegistryAutoConfiguration.class,
                  SimpleMetricsExportAutoConfiguration.class,
                  AwsAutoConfiguration.class,
                  CredentialsProviderAutoConfiguration.class,
                  RegionProviderAutoConfiguration.class,
                  CloudWatchExportAutoConfiguration.class))
          .withPropertyValues(
              "spring.cloud.aws.region.static=us-east-1",
              "spring.cloud.aws.credentials.access-key=test",
              "spring.cloud.aws.credentials.secret-key=test");

  @Test
  void withoutANamespaceThereIsNoCloudWatchRegistry() {
    context
        .withPropertyValues("management.cloudwatch.metrics.export.enabled=false")
        .run(app -> assertThat(app).doesNotHaveBean(CloudWatchMeterRegistry.class));
  }

  @Test
  void theDeploymentsNamespaceCreatesTheRegistry() {
    context
        .withPropertyValues(
            "management.cloudwatch.metrics.export.namespace=Customer360",
            "management.cloudwatch.metrics.export.enabled=false")
        .run(
            app -> {
              assertThat(app).hasSingleBean(CloudWatchMeterRegistry.class);
              CloudWatchConfig config = app.getBean(CloudWatchConfig.class);
              assertThat(config.namespace()).isEqualTo("Customer360");
              assertThat(config.enabled()).isFalse();
            });
  }
}

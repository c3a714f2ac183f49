package io.customer360.transform.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.aws.AwsSettings;
import io.customer360.common.contract.ContractRegistry;
import io.customer360.transform.TransformProperties;
import io.customer360.transform.catalog.GlueCatalog;
import io.customer360.transform.catalog.LakeCatalog;
import io.customer360.transform.silver.SilverCatalog;
import io.customer360.transform.silver.SilverPromoter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;

/** {@code c360.transform.catalog.glue-database} chooses Glue; without it silver stays local. */
class SilverCatalogSelectionTest {

  @TempDir Path workDir;

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withUserConfiguration(Prerequisites.class, TransformConfiguration.class)
        .withPropertyValues(
            "c360.transform.pii-key=catalog-selection-test-key",
            "c360.transform.work-dir=" + workDir,
            "c360.transform.bucket=lake-bucket",
            "c360.aws.region=eu-west-1",
            "c360.aws.access-key-id=test",
            "c360.aws.secret-access-key=test");
  }

  @Test
  void registersSilverAsJsonInTheLakeWhenNoGlueDatabaseIsSet() {
    runner()
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(SilverCatalog.class)).isInstanceOf(LakeCatalog.class);
              assertThat(context).doesNotHaveBean(GlueClient.class);
              assertThat(context).hasSingleBean(SilverPromoter.class);
            });
  }

  @Test
  void blankGlueDatabaseMeansTheJsonCatalog() {
    runner()
        .withPropertyValues("c360.transform.catalog.glue-database= ")
        .run(
            context ->
                assertThat(context.getBean(SilverCatalog.class)).isInstanceOf(LakeCatalog.class));
  }

  @Test
  void registersSilverInGlueWhenAGlueDatabaseIsSet() {
    runner()
        .withPropertyValues("c360.transform.catalog.glue-database=c360_lake")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              SilverCatalog catalog = context.getBean(SilverCatalog.class);
              assertThat(catalog).isInstanceOf(GlueCatalog.class);
              assertThat(((GlueCatalog) catalog).database()).isEqualTo("c360_lake");
              assertThat(context.getBean(GlueClient.class).serviceClientConfiguration().region())
                  .isEqualTo(Region.EU_WEST_1);
              assertThat(context).hasSingleBean(SilverPromoter.class);
            });
  }

  /** What the application class and Boot's auto-configuration provide around the configuration. */
  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({TransformProperties.class, AwsSettings.class})
  static class Prerequisites {

    @Bean
    ContractRegistry contractRegistry() {
      return ContractRegistry.loadDefault();
    }

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }
}

package io.customer360.infra.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.aws.PlatformResources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.secretsmanager.Secret;

/** The variables the deployment sets are read back by Spring Boot as the intended properties. */
class ServiceEnvironmentTest {

  private final ServiceEnvironment environment =
      new ServiceEnvironment(
          "lake-bucket",
          "Customer360",
          SynthesizedApp.stacks().warehouse(),
          SynthesizedApp.stacks().identity(),
          Secret.fromSecretNameV2(new Stack(), "PiiKey", "c360/transform/pii-key"));

  @Test
  void ingestionVariablesBindToItsProperties() {
    Binder binder = binder(ServiceSpec.INGESTION);
    assertThat(string(binder, "c360.ingestion.bucket")).isEqualTo("lake-bucket");
    assertThat(string(binder, "c360.ingestion.bronze-ready-queue"))
        .isEqualTo(PlatformResources.BRONZE_READY_QUEUE);
    assertThat(string(binder, "c360.ingestion.landing.events-queue"))
        .isEqualTo(PlatformResources.LANDING_EVENTS_QUEUE);
    assertThat(string(binder, "c360.ingestion.landing.ledger-table"))
        .isEqualTo(MessagingStack.LANDING_LEDGER_TABLE);
    assertThat(string(binder, "c360.ingestion.stream.application-name"))
        .isEqualTo(ServiceAccess.KCL_APPLICATION);
    assertThat(string(binder, "management.cloudwatch.metrics.export.namespace"))
        .isEqualTo("Customer360");
  }

  @Test
  void everyServiceExportsItsMetersToCloudWatchInTheNamespace() {
    for (ServiceSpec spec : ServiceSpec.values()) {
      Binder binder = binder(spec);
      assertThat(binder.bind("management.cloudwatch.metrics.export.enabled", Boolean.class).get())
          .as(spec.name())
          .isTrue();
      assertThat(string(binder, "management.cloudwatch.metrics.export.namespace"))
          .as(spec.name())
          .isEqualTo("Customer360");
    }
  }

  @Test
  void pipelineServicesGetTheirQueuesAndTheBucket() {
    Binder transform = binder(ServiceSpec.TRANSFORM);
    assertThat(string(transform, "c360.transform.bucket")).isEqualTo("lake-bucket");
    assertThat(string(transform, "c360.transform.gold-ready-queue"))
        .isEqualTo(PlatformResources.GOLD_READY_QUEUE);
    assertThat(string(transform, "c360.transform.catalog.glue-database"))
        .isEqualTo(DataLakeStack.GLUE_DATABASE);
    assertThat(string(transform, "c360.transform.silver-lock.table"))
        .isEqualTo(MessagingStack.TRANSFORM_LOCK_TABLE);
    Binder loader = binder(ServiceSpec.WAREHOUSE_LOADER);
    assertThat(string(loader, "c360.warehouse-loader.gold-ready-queue"))
        .isEqualTo(PlatformResources.GOLD_READY_QUEUE);
    assertThat(string(loader, "spring.datasource.url")).startsWith("jdbc:redshift://");
    assertThat(string(loader, "c360.warehouse-loader.warehouse-flavour")).isEqualTo("redshift");
    assertThat(string(loader, "c360.warehouse-loader.redshift.manifest-prefix"))
        .isEqualTo(WarehouseStack.MANIFEST_PREFIX);
    assertThat(string(loader, "c360.warehouse-loader.redshift.iam-role-arn")).isNotBlank();
    assertThat(string(binder(ServiceSpec.ML_SCORING), "c360.ml-scoring.bucket"))
        .isEqualTo("lake-bucket");
  }

  @Test
  void databaseLoginsComeFromEachServicesOwnSecret() {
    assertThat(environment.secrets(ServiceSpec.QUERY_API))
        .containsOnlyKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
    assertThat(environment.secrets(ServiceSpec.INGESTION)).isEmpty();
    assertThat(environment.secrets(ServiceSpec.TRANSFORM)).containsOnlyKeys("C360_PII_KEY");
  }

  @Test
  void apiServicesAcceptAccessTokensOfTheUserPoolsAppClients() {
    IdentityStack identity = SynthesizedApp.stacks().identity();
    for (ServiceSpec spec : List.of(ServiceSpec.QUERY_API, ServiceSpec.ML_SCORING)) {
      Binder binder = binder(spec);
      assertThat(string(binder, "c360.security.jwt.issuer-uri"))
          .as(spec.name())
          .isEqualTo(identity.issuerUri())
          .startsWith("https://cognito-idp.");
      assertThat(binder.bind("c360.security.jwt.client-ids", Bindable.setOf(String.class)).get())
          .as(spec.name())
          .hasSize(3)
          .containsExactlyInAnyOrderElementsOf(identity.clientIds());
      assertThat(string(binder, "c360.security.jwt.hmac-secret")).as(spec.name()).isNull();
    }
  }

  @Test
  void servicesWithoutAnApiGetNoTokenSettings() {
    for (ServiceSpec spec : ServiceSpec.values()) {
      if (!spec.publicApi()) {
        assertThat(environment.variables(spec))
            .as(spec.name())
            .doesNotContainKeys("C360_SECURITY_JWT_ISSUERURI", "C360_SECURITY_JWT_CLIENTIDS");
      }
    }
  }

  @Test
  void noServiceGetsAnApiKeyOrSharedSecretAsAPlainVariable() {
    for (ServiceSpec spec : ServiceSpec.values()) {
      assertThat(environment.variables(spec).keySet())
          .as(spec.name())
          .noneMatch(name -> name.startsWith("C360_SECURITY_APIKEYS"))
          .doesNotContain("C360_SECURITY_JWT_HMACSECRET");
    }
  }

  private Binder binder(ServiceSpec spec) {
    return new Binder(
        ConfigurationPropertySources.from(
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.<String, Object>copyOf(environment.variables(spec)))));
  }

  private static String string(Binder binder, String property) {
    return binder.bind(property, String.class).orElse(null);
  }
}

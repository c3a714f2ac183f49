package io.customer360.infra.aws;

import io.customer360.common.aws.PlatformResources;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.secretsmanager.ISecret;

/**
 * Each service's configuration as environment variables, named by the Spring property they set and
 * converted to the form Spring Boot binds from the environment ({@link #environmentName}). In AWS
 * no endpoint or key is set: the SDKs use the regional endpoints and the task role. Database
 * passwords come from Secrets Manager, injected by ECS at start; no secret value appears in the
 * template. The services behind API Gateway accept the Cognito access tokens it lets through
 * (issuer and app clients of {@link IdentityStack}); they get no API keys and no HMAC secret.
 */
final class ServiceEnvironment {

  /** The variable transform-service reads its PII hashing key from. */
  static final String PII_KEY_VARIABLE = "C360_PII_KEY";

  private final String bucketName;
  private final String metricsNamespace;
  private final WarehouseStack warehouse;
  private final IdentityStack identity;
  private final ISecret piiKey;

  ServiceEnvironment(
      String bucketName,
      String metricsNamespace,
      WarehouseStack warehouse,
      IdentityStack identity,
      ISecret piiKey) {
    this.bucketName = bucketName;
    this.metricsNamespace = metricsNamespace;
    this.warehouse = warehouse;
    this.identity = identity;
    this.piiKey = piiKey;
  }

  /** Plain variables of a service. */
  Map<String, String> variables(ServiceSpec spec) {
    Map<String, String> env = common(spec);
    if (spec.publicApi()) {
      put(env, "c360.security.jwt.issuer-uri", identity.issuerUri());
      put(env, "c360.security.jwt.client-ids", String.join(",", identity.clientIds()));
    }
    switch (spec) {
      case INGESTION -> {
        put(env, "c360.ingestion.bucket", bucketName);
        put(env, "c360.ingestion.bronze-ready-queue", PlatformResources.BRONZE_READY_QUEUE);
        put(env, "c360.ingestion.landing.events-queue", PlatformResources.LANDING_EVENTS_QUEUE);
        put(env, "c360.ingestion.landing.ledger-table", MessagingStack.LANDING_LEDGER_TABLE);
        put(env, "c360.ingestion.stream.application-name", ServiceAccess.KCL_APPLICATION);
        put(env, "c360.ingestion.stream.retrieval", "polling");
        put(env, "c360.ingestion.stream.metrics-level", "summary");
        put(env, "c360.ingestion.stream.lease-assignment", "worker-utilization");
      }
      case TRANSFORM -> {
        put(env, "c360.transform.bucket", bucketName);
        put(env, "c360.transform.bronze-ready-queue", PlatformResources.BRONZE_READY_QUEUE);
        put(env, "c360.transform.silver-ready-queue", PlatformResources.SILVER_READY_QUEUE);
        put(env, "c360.transform.gold-ready-queue", PlatformResources.GOLD_READY_QUEUE);
        put(env, "c360.transform.catalog.glue-database", DataLakeStack.GLUE_DATABASE);
        put(env, "c360.transform.silver-lock.table", MessagingStack.TRANSFORM_LOCK_TABLE);
      }
      case WAREHOUSE_LOADER -> {
        put(env, "c360.warehouse-loader.bucket", bucketName);
        put(env, "c360.warehouse-loader.gold-ready-queue", PlatformResources.GOLD_READY_QUEUE);
        put(env, "c360.warehouse-loader.warehouse-flavour", "redshift");
        put(env, "c360.warehouse-loader.redshift.iam-role-arn", warehouse.copyRole().getRoleArn());
        put(env, "c360.warehouse-loader.redshift.manifest-prefix", WarehouseStack.MANIFEST_PREFIX);
        put(env, "spring.datasource.url", warehouse.jdbcUrl());
      }
      case QUERY_API -> put(env, "spring.datasource.url", warehouse.jdbcUrl());
      case ML_SCORING -> {
        put(env, "c360.ml-scoring.bucket", bucketName);
        put(env, "spring.datasource.url", warehouse.jdbcUrl());
      }
    }
    return env;
  }

  /**
   * Secrets Manager values a service receives as variables: its database login, and for
   * transform-service the key of its PII hashing ({@code C360_PII_KEY}, which its {@code
   * application.yaml} maps to {@code c360.transform.pii-key}).
   */
  Map<String, Secret> secrets(ServiceSpec spec) {
    return switch (spec) {
      case WAREHOUSE_LOADER -> login(WarehouseUser.LOADER);
      case QUERY_API -> login(WarehouseUser.READER);
      case ML_SCORING -> login(WarehouseUser.SCORING);
      case TRANSFORM -> Map.of(PII_KEY_VARIABLE, Secret.fromSecretsManager(piiKey));
      case INGESTION -> Map.of();
    };
  }

  private Map<String, Secret> login(WarehouseUser user) {
    ISecret secret = warehouse.secret(user);
    return Map.of(
        environmentName("spring.datasource.username"),
        Secret.fromSecretsManager(secret, "username"),
        environmentName("spring.datasource.password"),
        Secret.fromSecretsManager(secret, "password"));
  }

  /**
   * A property name in the form Spring Boot binds from the environment: dots to underscores, dashes
   * removed, upper case ({@code c360.ingestion.bronze-ready-queue} is {@code
   * C360_INGESTION_BRONZEREADYQUEUE}).
   */
  static String environmentName(String property) {
    return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
  }

  private static void put(Map<String, String> env, String property, String value) {
    env.put(environmentName(property), value);
  }

  private Map<String, String> common(ServiceSpec spec) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PORT", Integer.toString(spec.port()));
    put(env, "c360.aws.region", Aws.REGION);
    put(env, "spring.cloud.aws.region.static", Aws.REGION);
    put(env, "management.cloudwatch.metrics.export.enabled", "true");
    put(env, "management.cloudwatch.metrics.export.namespace", metricsNamespace);
    env.put("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75.0");
    return env;
  }
}

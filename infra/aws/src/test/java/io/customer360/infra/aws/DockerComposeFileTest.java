package io.customer360.infra.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.aws.AwsSettings;
import io.customer360.common.aws.PlatformResources;
import io.customer360.infra.local.LocalEndpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * The Docker path's structure, checked without Docker: {@code docker-compose.yml}, the LocalStack
 * init hook and the shared Dockerfile.
 */
class DockerComposeFileTest {

  private static final Path ROOT = SynthesizedApp.REPOSITORY_ROOT;
  private static final String LOCALSTACK = "http://localstack:4566";
  private static final Set<ServiceSpec> DATABASE_USERS =
      Set.of(ServiceSpec.WAREHOUSE_LOADER, ServiceSpec.QUERY_API, ServiceSpec.ML_SCORING);

  /** Values a credential may have here: LocalStack's and the throwaway database's. */
  private static final Set<String> DEMO_CREDENTIALS =
      Set.of("test", "postgres", "local-demo-pii-key-not-secret", "local-demo-api-key");

  private static final Pattern CREDENTIAL_NAME =
      Pattern.compile(".*(PASSWORD|SECRET|ACCESSKEY|KEY_|_KEY|KEYS_|TOKEN|CREDENTIAL).*");

  private final Map<String, Object> compose = load();
  private final Map<String, Object> services = map(compose.get("services"));

  @Test
  void runsLocalStackPinnedPostgresAndEveryService() {
    assertThat(services.keySet())
        .containsExactlyInAnyOrder(
            "localstack",
            "postgres",
            "ingestion-service",
            "transform-service",
            "warehouse-loader",
            "query-api",
            "ml-scoring-service");
    assertThat(map(services.get("localstack")).get("image"))
        .isEqualTo("localstack/localstack:4.14.0");
    assertThat(map(services.get("postgres")).get("image")).isEqualTo("postgres:17");
  }

  @Test
  void infrastructureHasHealthChecksAndLocalStackRunsTheInitHook() {
    for (String name : List.of("localstack", "postgres")) {
      assertThat(map(services.get(name))).as(name).containsKey("healthcheck");
    }
    Map<String, Object> localstack = map(services.get("localstack"));
    assertThat(list(localstack.get("volumes")))
        .contains("./docker/localstack/init-aws.sh:/etc/localstack/init/ready.d/init-aws.sh:ro");
    assertThat(localstack.get("healthcheck").toString()).contains("/tmp/c360-ready");
  }

  @Test
  void everyServiceIsBuiltFromTheRepositoryWithItsModuleAndPort() {
    for (ServiceSpec spec : ServiceSpec.values()) {
      Map<String, Object> service = service(spec);
      Map<String, Object> build = map(service.get("build"));
      assertThat(build.get("context")).as(spec.module()).isEqualTo(".");
      assertThat(build.get("dockerfile")).isEqualTo("docker/Dockerfile");
      assertThat(map(build.get("args"))).containsEntry("MODULE", spec.module());
      String port = Integer.toString(spec.port());
      assertThat(list(service.get("ports"))).containsExactly(port + ":" + port);
      assertThat(environment(spec)).containsEntry("PORT", port);
      assertThat(service.get("healthcheck").toString())
          .contains("localhost:" + port + "/actuator/health/readiness");
    }
  }

  @Test
  void servicesStartOnlyAfterTheirInfrastructureIsHealthy() {
    for (ServiceSpec spec : ServiceSpec.values()) {
      Map<String, Object> dependsOn = map(service(spec).get("depends_on"));
      assertThat(dependsOn)
          .as(spec.module())
          .containsEntry("localstack", Map.of("condition", "service_healthy"));
      if (DATABASE_USERS.contains(spec)) {
        assertThat(dependsOn).containsEntry("postgres", Map.of("condition", "service_healthy"));
      }
    }
  }

  /**
   * Every property the embedded platform gives a service ({@link LocalEndpoints#springProperties})
   * is set here too, in environment-variable form, pointing at LocalStack or PostgreSQL.
   */
  @Test
  void everyServiceGetsTheLocalPlatformPropertiesAsEnvironment() {
    Map<String, String> local =
        new LocalEndpoints(
                URI.create("http://s3"),
                URI.create("http://sqs"),
                URI.create("http://dynamodb"),
                URI.create("http://kinesis"),
                "jdbc:postgresql://db/warehouse",
                "postgres",
                "us-east-1",
                "test",
                "test",
                Map.of())
            .springProperties();
    for (ServiceSpec spec : ServiceSpec.values()) {
      Map<String, String> env = environment(spec);
      for (String property : local.keySet()) {
        if (property.startsWith("spring.datasource.") && !DATABASE_USERS.contains(spec)) {
          continue;
        }
        assertThat(env)
            .as("%s: %s", spec.module(), property)
            .containsKey(ServiceEnvironment.environmentName(property));
      }
      for (String endpoint : List.of("S3", "SQS", "KINESIS", "DYNAMODB")) {
        assertThat(env).containsEntry("C360_AWS_ENDPOINTS_" + endpoint, LOCALSTACK);
      }
      assertThat(env).containsEntry("C360_AWS_PATHSTYLEACCESS", "true");
      if (DATABASE_USERS.contains(spec)) {
        assertThat(env)
            .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/warehouse");
      }
    }
  }

  /** Spring Boot itself binds the variables to the settings every service's AWS clients use. */
  @Test
  void environmentBindsToTheAwsClientSettings() {
    for (ServiceSpec spec : ServiceSpec.values()) {
      Binder binder =
          new Binder(
              ConfigurationPropertySources.from(
                  new SystemEnvironmentPropertySource(
                      StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                      Map.<String, Object>copyOf(environment(spec)))));
      AwsSettings aws = binder.bindOrCreate("c360.aws", AwsSettings.class);
      URI localstack = URI.create(LOCALSTACK);
      assertThat(aws.endpoints())
          .as(spec.module())
          .isEqualTo(
              new AwsSettings.Endpoints(
                  localstack, localstack, localstack, localstack, localstack));
      assertThat(aws.hasStaticCredentials()).isTrue();
      assertThat(aws.pathStyleAccess()).isTrue();
      assertThat(aws.region()).isEqualTo("us-east-1");
      assertThat(binder.bind("spring.cloud.aws.s3.path-style-access-enabled", Boolean.class).get())
          .isTrue();
    }
  }

  @Test
  void credentialsAreOnlyTheObviousLocalDemoOnes() {
    Set<String> credentialNames = new java.util.TreeSet<>();
    for (Map.Entry<String, Object> entry : services.entrySet()) {
      Object environment = map(entry.getValue()).get("environment");
      if (environment == null) {
        continue;
      }
      map(environment)
          .forEach(
              (name, value) -> {
                if (CREDENTIAL_NAME.matcher(name).matches()) {
                  credentialNames.add(name);
                  assertThat(DEMO_CREDENTIALS)
                      .as("%s %s", entry.getKey(), name)
                      .contains(String.valueOf(value));
                }
                assertThat(String.valueOf(value)).doesNotMatch(".*AKIA[0-9A-Z]{16}.*");
              });
    }
    assertThat(credentialNames)
        .contains(
            "C360_AWS_SECRETACCESSKEY",
            "SPRING_DATASOURCE_PASSWORD",
            "POSTGRES_PASSWORD",
            "C360_PII_KEY",
            "C360_SECURITY_APIKEYS_DEMO");
  }

  @Test
  void initHookCreatesEveryPlatformResource() throws IOException {
    Path hook = ROOT.resolve("docker/localstack/init-aws.sh");
    assertThat(Files.isExecutable(hook)).as("%s is executable", hook).isTrue();
    String script = Files.readString(hook);
    assertThat(script)
        .contains("BUCKET=" + PlatformResources.LAKE_BUCKET)
        .contains("MAX_RECEIVE_COUNT=" + PlatformResources.MAX_RECEIVE_COUNT)
        .contains("LEDGER_TABLE=" + MessagingStack.LANDING_LEDGER_TABLE)
        .contains("AttributeName=" + MessagingStack.LANDING_LEDGER_KEY + ",KeyType=HASH")
        .contains("LOCK_TABLE=" + MessagingStack.TRANSFORM_LOCK_TABLE)
        .contains("AttributeName=" + MessagingStack.TRANSFORM_LOCK_KEY + ",KeyType=HASH")
        .contains("Enabled=true,AttributeName=" + MessagingStack.TRANSFORM_LOCK_EXPIRY)
        .contains("--queue-name \"$queue" + PlatformResources.DEAD_LETTER_SUFFIX + "\"")
        .contains("\"Value\\\":\\\"landing/\\\"");
    assertThat(words(script, "STREAMS")).isEqualTo(PlatformResources.streams());
    assertThat(words(script, "QUEUES")).isEqualTo(PlatformResources.queues());
  }

  @Test
  void imagesAreBuiltFromSourcesWithoutLocalBuildOutput() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
    assertThat(dockerfile)
        .contains("ARG MODULE", "-pl \"$MODULE\" -am package", "-exec.jar", "USER c360");
    assertThat(Files.readAllLines(ROOT.resolve(".dockerignore")))
        .contains("**/target", ".git", "**/node_modules");
  }

  private static List<String> words(String script, String variable) {
    return script
        .lines()
        .filter(line -> line.startsWith(variable + "=\""))
        .map(line -> line.substring(variable.length() + 2, line.length() - 1))
        .flatMap(value -> List.of(value.split(" ")).stream())
        .toList();
  }

  private Map<String, Object> service(ServiceSpec spec) {
    return map(services.get(spec.module()));
  }

  private Map<String, String> environment(ServiceSpec spec) {
    Map<String, String> env = new java.util.LinkedHashMap<>();
    map(service(spec).get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
    return env;
  }

  private static Map<String, Object> load() {
    try {
      return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    assertThat(value).isInstanceOf(List.class);
    return (List<Object>) value;
  }
}

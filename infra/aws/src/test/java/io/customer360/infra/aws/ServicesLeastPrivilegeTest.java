package io.customer360.infra.aws;

import static io.customer360.infra.aws.TemplateSupport.actions;
import static io.customer360.infra.aws.TemplateSupport.list;
import static io.customer360.infra.aws.TemplateSupport.properties;
import static io.customer360.infra.aws.TemplateSupport.resources;
import static io.customer360.infra.aws.TemplateSupport.statements;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** What each service's task role may do, read back from the synthesized template. */
class ServicesLeastPrivilegeTest {

  private static final Pattern OBJECT_PREFIX = Pattern.compile("/([a-z_/-]+)/\\*");

  private final Template services = SynthesizedApp.template(SynthesizedApp.stacks().services());
  private final Map<ServiceSpec, List<Map<String, Object>>> taskRoleStatements =
      taskRoleStatements();

  @Test
  void everyServiceHasItsOwnTaskRole() {
    assertThat(taskRoleStatements).containsOnlyKeys(ServiceSpec.values());
  }

  @Test
  void noTaskRoleUsesWildcardActions() {
    taskRoleStatements.forEach(
        (spec, statements) ->
            assertThat(statements.stream().flatMap(s -> actions(s).stream()))
                .as("actions of %s", spec.module())
                .noneMatch(action -> action.contains("*")));
  }

  @Test
  void onlyMetricsPublishingMayNameEveryResourceAndOnlyInOwnNamespace() {
    taskRoleStatements.forEach(
        (spec, statements) ->
            statements.stream()
                .filter(s -> list(s.get("Resource")).contains("*"))
                .forEach(
                    s -> {
                      assertThat(actions(s)).containsExactly("cloudwatch:PutMetricData");
                      assertThat(s.get("Condition").toString())
                          .contains("cloudwatch:namespace", "Customer360");
                    }));
  }

  @Test
  void queryApiHasNoAwsDataAccess() {
    assertThat(actionsOf(ServiceSpec.QUERY_API)).containsExactly("cloudwatch:PutMetricData");
  }

  @Test
  void ingestionReadsLandingAndWritesBronzeAndQuarantine() {
    assertThat(prefixes(ServiceSpec.INGESTION, "s3:GetObject")).containsExactly("landing");
    assertThat(prefixes(ServiceSpec.INGESTION, "s3:PutObject"))
        .containsExactly("bronze", "quarantine");
    assertThat(actionsOf(ServiceSpec.INGESTION))
        .contains("kinesis:GetRecords", "sqs:ReceiveMessage", "sqs:SendMessage", "dynamodb:PutItem")
        .doesNotContain("s3:DeleteObject", "kinesis:PutRecord", "kinesis:PutRecords");
  }

  @Test
  void transformNeverTouchesLandingNorWritesBronze() {
    assertThat(prefixes(ServiceSpec.TRANSFORM, "s3:GetObject"))
        .containsExactly("bronze", "gold", "silver");
    assertThat(prefixes(ServiceSpec.TRANSFORM, "s3:PutObject"))
        .containsExactly("gold", "quarantine", "silver");
    assertThat(actionsOf(ServiceSpec.TRANSFORM)).noneMatch(a -> a.startsWith("kinesis:"));
  }

  @Test
  void transformRegistersSilverTablesInTheLakeGlueDatabaseOnly() {
    List<Map<String, Object>> glue = glueStatements(ServiceSpec.TRANSFORM);
    assertThat(glue).hasSize(1);
    assertThat(actions(glue.get(0)))
        .containsExactlyInAnyOrder(
            "glue:GetTable", "glue:CreateTable", "glue:UpdateTable", "glue:BatchCreatePartition");
    String glueArn = "arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:";
    assertThat(list(glue.get(0).get("Resource")).stream().map(ServicesLeastPrivilegeTest::text))
        .containsExactly(
            glueArn + "catalog",
            glueArn + "database/" + DataLakeStack.GLUE_DATABASE,
            glueArn + "table/" + DataLakeStack.GLUE_DATABASE + "/*");
  }

  @Test
  void noOtherServiceTouchesTheGlueCatalog() {
    for (ServiceSpec spec : ServiceSpec.values()) {
      if (spec != ServiceSpec.TRANSFORM) {
        assertThat(glueStatements(spec)).as(spec.module()).isEmpty();
      }
    }
  }

  @Test
  void transformUsesOnlyItsLockTableAndOnlyToPutRenewAndDeleteLeases() {
    List<Map<String, Object>> dynamo = dynamoStatements(ServiceSpec.TRANSFORM);
    assertThat(dynamo).hasSize(1);
    assertThat(actions(dynamo.get(0)))
        .containsExactlyInAnyOrder(
            "dynamodb:DescribeTable",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:DeleteItem");
    assertThat(list(dynamo.get(0).get("Resource")))
        .singleElement()
        .asString()
        .contains("Fn::ImportValue")
        .contains("TransformLocks");
  }

  @Test
  void ingestionDoesNotTouchTheTransformLockTable() {
    assertThat(dynamoStatements(ServiceSpec.INGESTION).toString()).doesNotContain("TransformLocks");
  }

  @Test
  void loaderReadsGoldAndWritesOnlyManifests() {
    assertThat(prefixes(ServiceSpec.WAREHOUSE_LOADER, "s3:GetObject"))
        .containsExactly("gold", "warehouse-load-manifests");
    assertThat(prefixes(ServiceSpec.WAREHOUSE_LOADER, "s3:PutObject"))
        .containsExactly("warehouse-load-manifests");
  }

  @Test
  void scoringWritesModelsAndChurnScoresOnly() {
    assertThat(prefixes(ServiceSpec.ML_SCORING, "s3:PutObject"))
        .containsExactly("gold/churn_scores", "models");
    assertThat(actionsOf(ServiceSpec.ML_SCORING)).noneMatch(a -> a.startsWith("sqs:"));
  }

  @Test
  void databasePasswordsArriveFromSecretsManagerNeverAsPlainVariables() {
    for (Map<String, Object> task : resources(services, "AWS::ECS::TaskDefinition").values()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> container =
          (Map<String, Object>) list(properties(task).get("ContainerDefinitions")).get(0);
      String variables = String.valueOf(container.get("Environment"));
      assertThat(variables).doesNotContainIgnoringCase("password").doesNotContain("SECRET");
      if (variables.contains("SPRING_DATASOURCE_URL")) {
        assertThat(container.get("Secrets").toString())
            .contains("SPRING_DATASOURCE_PASSWORD", ":password::");
      }
      assertThat(container.get("HealthCheck").toString()).contains("/actuator/health/readiness");
    }
    assertThat(resources(services, "AWS::ECS::TaskDefinition").values().toString())
        .contains("Name=" + ServiceEnvironment.PII_KEY_VARIABLE + ", ValueFrom=");
  }

  @Test
  void servicesRunInPrivateSubnetsWithoutPublicAddresses() {
    assertThat(resources(services, "AWS::ECS::Service"))
        .hasSize(ServiceSpec.values().length)
        .allSatisfy(
            (id, service) ->
                assertThat(properties(service).get("NetworkConfiguration").toString())
                    .contains("AssignPublicIp=DISABLED"));
  }

  /** A string or an {@code Fn::Join} of strings and {@code Ref}s, as {@code ${Ref}} text. */
  @SuppressWarnings("unchecked")
  private static String text(Object value) {
    if (value instanceof Map<?, ?> map && map.containsKey("Ref")) {
      return "${" + map.get("Ref") + "}";
    }
    if (value instanceof Map<?, ?> map && map.containsKey("Fn::Join")) {
      List<Object> join = (List<Object>) map.get("Fn::Join");
      StringBuilder text = new StringBuilder();
      for (Object part : list(join.get(1))) {
        text.append(text(part));
      }
      return text.toString();
    }
    return String.valueOf(value);
  }

  private List<Map<String, Object>> glueStatements(ServiceSpec spec) {
    return taskRoleStatements.get(spec).stream()
        .filter(s -> actions(s).stream().anyMatch(a -> a.startsWith("glue:")))
        .toList();
  }

  private List<Map<String, Object>> dynamoStatements(ServiceSpec spec) {
    return taskRoleStatements.get(spec).stream()
        .filter(s -> actions(s).stream().anyMatch(a -> a.startsWith("dynamodb:")))
        .toList();
  }

  private List<String> actionsOf(ServiceSpec spec) {
    return taskRoleStatements.get(spec).stream().flatMap(s -> actions(s).stream()).toList();
  }

  /** Lake prefixes the service may use {@code action} on, sorted. */
  private Set<String> prefixes(ServiceSpec spec, String action) {
    Set<String> prefixes = new TreeSet<>();
    for (Map<String, Object> statement : taskRoleStatements.get(spec)) {
      if (actions(statement).contains(action)) {
        Matcher m = OBJECT_PREFIX.matcher(statement.get("Resource").toString());
        while (m.find()) {
          prefixes.add(m.group(1));
        }
      }
    }
    return prefixes;
  }

  private Map<ServiceSpec, List<Map<String, Object>>> taskRoleStatements() {
    Map<ServiceSpec, List<Map<String, Object>>> result = new EnumMap<>(ServiceSpec.class);
    for (Map<String, Object> policy : resources(services, "AWS::IAM::Policy").values()) {
      String roles = properties(policy).get("Roles").toString();
      for (ServiceSpec spec : ServiceSpec.values()) {
        if (roles.contains("{Ref=" + spec.constructId() + "TaskRole")) {
          result
              .computeIfAbsent(spec, s -> new ArrayList<>())
              .addAll(statements(properties(policy).get("PolicyDocument")));
        }
      }
    }
    return result;
  }
}

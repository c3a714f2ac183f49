package io.customer360.infra.aws;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One service on Fargate: its own task role (empty until the caller grants exactly what the service
 * needs), task definition, log group and ECS service in the private subnets. The container is
 * configured only through environment variables; secrets arrive from Secrets Manager.
 */
public final class PlatformService extends Construct {

  /**
   * What one service needs besides its {@link ServiceSpec}.
   *
   * @param cluster the ECS cluster
   * @param image the service's container image
   * @param securityGroup the services' security group
   * @param environment plain environment variables
   * @param secrets environment variables read from Secrets Manager when a task starts
   * @param metricNamespaces CloudWatch namespaces the service may publish to
   * @param desiredCount tasks to run
   */
  public record Props(
      ICluster cluster,
      ContainerImage image,
      ISecurityGroup securityGroup,
      Map<String, String> environment,
      Map<String, Secret> secrets,
      List<String> metricNamespaces,
      int desiredCount) {}

  private final ServiceSpec spec;
  private final Role taskRole;
  private final FargateService service;

  public PlatformService(Construct scope, ServiceSpec spec, Props props) {
    super(scope, spec.constructId());
    this.spec = spec;
    taskRole =
        Role.Builder.create(this, "TaskRole")
            .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
            .description("Task role of " + spec.module())
            .build();
    allowMetrics(props.metricNamespaces());
    FargateTaskDefinition task =
        FargateTaskDefinition.Builder.create(this, "Task")
            .family("c360-" + spec.module())
            .cpu(spec.cpu())
            .memoryLimitMiB(spec.memoryMiB())
            .taskRole(taskRole)
            .runtimePlatform(
                RuntimePlatform.builder()
                    .cpuArchitecture(CpuArchitecture.X86_64)
                    .operatingSystemFamily(OperatingSystemFamily.LINUX)
                    .build())
            .build();
    task.addContainer(spec.module(), container(props));
    service =
        FargateService.Builder.create(this, "Service")
            .serviceName(spec.module())
            .cluster(props.cluster())
            .taskDefinition(task)
            .desiredCount(props.desiredCount())
            .minHealthyPercent(100)
            .securityGroups(List.of(props.securityGroup()))
            .vpcSubnets(
                SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
            .assignPublicIp(false)
            .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build())
            .build();
  }

  private ContainerDefinitionOptions container(Props props) {
    LogGroup logs =
        LogGroup.Builder.create(this, "Logs")
            .logGroupName("/c360/" + spec.module())
            .retention(RetentionDays.ONE_MONTH)
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();
    return ContainerDefinitionOptions.builder()
        .image(props.image())
        .environment(props.environment())
        .secrets(props.secrets())
        .portMappings(List.of(PortMapping.builder().containerPort(spec.port()).build()))
        .logging(
            LogDriver.awsLogs(
                AwsLogDriverProps.builder().logGroup(logs).streamPrefix(spec.module()).build()))
        .healthCheck(
            HealthCheck.builder()
                .command(
                    List.of(
                        "CMD-SHELL",
                        "curl -fsS http://localhost:"
                            + spec.port()
                            + "/actuator/health/readiness || exit 1"))
                .interval(Duration.seconds(30))
                .timeout(Duration.seconds(5))
                .retries(3)
                .startPeriod(Duration.seconds(90))
                .build())
        .build();
  }

  /**
   * PutMetricData has no resource-level permissions; the condition confines it to the service's
   * namespaces (the platform's, and for ingestion also the KCL's).
   */
  private void allowMetrics(List<String> namespaces) {
    taskRole.addToPrincipalPolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("cloudwatch:PutMetricData"))
            .resources(List.of("*"))
            .conditions(Map.of("StringLike", Map.of("cloudwatch:namespace", namespaces)))
            .build());
  }

  public ServiceSpec spec() {
    return spec;
  }

  /** The role the service's code runs as; grant it what the service needs, nothing more. */
  public Role taskRole() {
    return taskRole;
  }

  public FargateService service() {
    return service;
  }
}

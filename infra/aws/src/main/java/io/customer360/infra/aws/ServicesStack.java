package io.customer360.infra.aws;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.FixedResponseOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The five services on one ECS cluster (Fargate), each a {@link PlatformService} with its own
 * least-privilege task role, and an internal load balancer that routes {@code /api/v1/…} to
 * query-api and ml-scoring-service for API Gateway's VPC link. Images are built from the
 * repository's shared {@code docker/Dockerfile} with the module as build argument.
 */
public final class ServicesStack extends Stack {

  /**
   * Every path prefix ml-scoring-service's controllers answer ({@code ChurnScoreController}, {@code
   * ModelController}, {@code CrossValidationController}); every other API path goes to query-api.
   * Which of them callers may reach at all is API Gateway's choice ({@link ApiStack#ROUTES}).
   */
  static final List<String> SCORING_PATHS =
      List.of("/api/v1/churn-scores", "/api/v1/churn-scores/*", "/api/v1/models/*");

  /** query-api's API, and its dashboard page with the chart library the page loads. */
  static final List<String> QUERY_PATHS =
      List.of("/api/v1/*", "/dashboard", "/dashboard/*", "/webjars/*");

  static final String HEALTH_PATH = "/actuator/health/readiness";

  /** Stacks and settings the services are wired to. */
  public record Dependencies(
      NetworkStack network,
      DataLakeStack lake,
      StreamingStack streaming,
      MessagingStack messaging,
      WarehouseStack warehouse,
      IdentityStack identity) {}

  private final Map<ServiceSpec, PlatformService> services = new EnumMap<>(ServiceSpec.class);
  private final ApplicationListener listener;

  public ServicesStack(
      Construct scope,
      String id,
      StackProps props,
      DeploymentSettings settings,
      Dependencies deps) {
    super(scope, id, props);
    Cluster cluster =
        Cluster.Builder.create(this, "Cluster")
            .clusterName("c360")
            .vpc(deps.network().vpc())
            .containerInsightsV2(ContainerInsights.ENHANCED)
            .build();
    ServiceAccess access = new ServiceAccess(deps.lake(), deps.messaging(), deps.streaming());
    ServiceEnvironment environment =
        new ServiceEnvironment(
            DataLakeStack.bucketName(),
            settings.metricsNamespace(),
            deps.warehouse(),
            deps.identity(),
            piiKey());
    for (ServiceSpec spec : ServiceSpec.values()) {
      PlatformService service =
          new PlatformService(
              this,
              spec,
              new PlatformService.Props(
                  cluster,
                  image(settings, spec),
                  deps.network().servicesSecurityGroup(),
                  environment.variables(spec),
                  environment.secrets(spec),
                  metricNamespaces(settings, spec),
                  spec == ServiceSpec.INGESTION ? 2 : 1));
      access.grant(spec, service.taskRole());
      services.put(spec, service);
    }
    listener = loadBalancer(deps.network());
  }

  /**
   * The key transform-service hashes and tokenizes PII with: generated once, kept in Secrets
   * Manager, never rotated automatically (a new key changes every token).
   */
  private Secret piiKey() {
    return Secret.Builder.create(this, "PiiKey")
        .secretName("c360/transform/pii-key")
        .description("Key of transform-service's keyed hashing and tokenization of PII")
        .generateSecretString(
            SecretStringGenerator.builder().excludePunctuation(true).passwordLength(48).build())
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
  }

  private static ContainerImage image(DeploymentSettings settings, ServiceSpec spec) {
    return ContainerImage.fromAsset(
        settings.repositoryRoot().toString(),
        AssetImageProps.builder()
            .file("docker/Dockerfile")
            .buildArgs(Map.of("MODULE", spec.module()))
            .platform(Platform.LINUX_AMD64)
            .build());
  }

  private static List<String> metricNamespaces(DeploymentSettings settings, ServiceSpec spec) {
    return spec == ServiceSpec.INGESTION
        ? List.of(settings.metricsNamespace(), ServiceAccess.KCL_APPLICATION + "*")
        : List.of(settings.metricsNamespace());
  }

  private ApplicationListener loadBalancer(NetworkStack network) {
    ApplicationLoadBalancer alb =
        ApplicationLoadBalancer.Builder.create(this, "ApiLoadBalancer")
            .vpc(network.vpc())
            .internetFacing(false)
            .securityGroup(network.loadBalancerSecurityGroup())
            .vpcSubnets(
                SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
            .dropInvalidHeaderFields(true)
            .build();
    ApplicationListener http =
        alb.addListener(
            "Http",
            BaseApplicationListenerProps.builder()
                .port(NetworkStack.LOAD_BALANCER_PORT)
                .protocol(ApplicationProtocol.HTTP)
                .open(false)
                .defaultAction(
                    ListenerAction.fixedResponse(
                        404,
                        FixedResponseOptions.builder()
                            .contentType("application/problem+json")
                            .messageBody("{\"title\":\"Not Found\",\"status\":404}")
                            .build()))
                .build());
    route(http, ServiceSpec.ML_SCORING, 10, SCORING_PATHS);
    route(http, ServiceSpec.QUERY_API, 20, QUERY_PATHS);
    return http;
  }

  private void route(ApplicationListener http, ServiceSpec spec, int priority, List<String> paths) {
    http.addTargets(
        spec.constructId(),
        AddApplicationTargetsProps.builder()
            .priority(priority)
            .conditions(List.of(ListenerCondition.pathPatterns(paths)))
            .port(spec.port())
            .protocol(ApplicationProtocol.HTTP)
            .targets(List.of(services.get(spec).service()))
            .deregistrationDelay(Duration.seconds(30))
            .healthCheck(
                HealthCheck.builder()
                    .path(HEALTH_PATH)
                    .healthyHttpCodes("200")
                    .interval(Duration.seconds(15))
                    .build())
            .build());
  }

  public PlatformService service(ServiceSpec spec) {
    return services.get(spec);
  }

  public Map<ServiceSpec, PlatformService> services() {
    return Collections.unmodifiableMap(services);
  }

  /** The internal load balancer's listener API Gateway integrates with. */
  public ApplicationListener apiListener() {
    return listener;
  }
}

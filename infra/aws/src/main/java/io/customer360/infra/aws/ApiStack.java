package io.customer360.infra.aws;

import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpUserPoolAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpUserPoolAuthorizerProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpAlbIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpAlbIntegrationProps;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.HttpStageOptions;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.apigatewayv2.VpcLink;
import software.amazon.awscdk.services.apigatewayv2.VpcLinkProps;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The public API: an API Gateway HTTP API whose {@code /api/v1/…} routes reach query-api and
 * ml-scoring-service through a VPC link and the internal load balancer, as do the open routes of
 * query-api's dashboard page ({@link #DASHBOARD_PATHS}). Every {@code /api/v1/} route needs a
 * Cognito access token of one of {@link IdentityStack}'s app clients: reads with the {@code
 * c360/read} scope, ml-scoring-service's state-changing calls with {@code c360/operate}. The
 * services check the token again themselves (same issuer and clients, see {@code
 * ServiceEnvironment}), and ml-scoring-service the operate scope too. The stage throttles all
 * callers together and writes JSON access logs.
 */
public final class ApiStack extends Stack {

  /** The scope reads need, as Cognito access tokens carry it. */
  static final String READ = IdentityStack.RESOURCE_SERVER + "/" + IdentityStack.READ_SCOPE;

  /** The scope ml-scoring-service's state-changing calls need, as tokens carry it. */
  static final String OPERATE = IdentityStack.RESOURCE_SERVER + "/" + IdentityStack.OPERATE_SCOPE;

  /**
   * The routes callers may use, as method, path and required scope. Reads go to either service by
   * the load balancer's rules. The writes are ml-scoring-service's: on-demand batch scoring, and
   * training, model import and cross-validation ({@code POST /api/v1/models/…}); they need the
   * operate scope (app client {@code OperatorClient}), so a dashboard or support token can neither
   * start a batch nor replace the model.
   */
  static final List<Route> ROUTES =
      List.of(
          new Route(HttpMethod.GET, "/api/v1/{proxy+}", READ),
          new Route(HttpMethod.POST, "/api/v1/churn-scores/batch", OPERATE),
          new Route(HttpMethod.POST, "/api/v1/models/{proxy+}", OPERATE));

  /**
   * query-api's dashboard: the page, its script and style, and the chart library it loads from
   * {@code /webjars/}. Static files holding no data, open to everyone, as query-api serves them;
   * the page asks its user for an access token and sends it with every {@code /api/v1/} call.
   */
  static final List<String> DASHBOARD_PATHS =
      List.of("/dashboard", "/dashboard/{proxy+}", "/webjars/{proxy+}");

  /** One API Gateway route: a method on a path, and the token scope it needs. */
  record Route(HttpMethod method, String path, String scope) {}

  private final HttpApi api;

  public ApiStack(
      Construct scope,
      String id,
      StackProps props,
      DeploymentSettings settings,
      NetworkStack network,
      IdentityStack identity,
      ServicesStack services) {
    super(scope, id, props);
    api =
        HttpApi.Builder.create(this, "Api")
            .apiName("c360-api")
            .description("Customer 360 dashboards and churn scores")
            .createDefaultStage(false)
            .build();
    HttpStage stage = api.addStage("DefaultStage", stageOptions(settings));
    routeToServices(network, services, identity);
    CfnOutput.Builder.create(this, "ApiUrl").value(stage.getUrl()).build();
  }

  /** {@code /api/v1/…} through the VPC link to the internal load balancer, token required. */
  private void routeToServices(
      NetworkStack network, ServicesStack services, IdentityStack identity) {
    VpcLink link =
        api.addVpcLink(
            VpcLinkProps.builder()
                .vpc(network.vpc())
                .securityGroups(List.of(network.apiLinkSecurityGroup()))
                .subnets(
                    SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                .build());
    HttpAlbIntegration integration =
        new HttpAlbIntegration(
            "Services",
            services.apiListener(),
            HttpAlbIntegrationProps.builder().vpcLink(link).build());
    HttpUserPoolAuthorizer authorizer =
        new HttpUserPoolAuthorizer(
            "Authorizer",
            identity.userPool(),
            HttpUserPoolAuthorizerProps.builder().userPoolClients(identity.clients()).build());
    for (Route route : ROUTES) {
      api.addRoutes(
          AddRoutesOptions.builder()
              .path(route.path())
              .methods(List.of(route.method()))
              .integration(integration)
              .authorizer(authorizer)
              .authorizationScopes(List.of(route.scope()))
              .build());
    }
    for (String path : DASHBOARD_PATHS) {
      api.addRoutes(
          AddRoutesOptions.builder()
              .path(path)
              .methods(List.of(HttpMethod.GET))
              .integration(integration)
              .build());
    }
  }

  private HttpStageOptions stageOptions(DeploymentSettings settings) {
    LogGroup accessLogs =
        LogGroup.Builder.create(this, "AccessLogs")
            .logGroupName("/c360/api-gateway")
            .retention(RetentionDays.ONE_MONTH)
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();
    return HttpStageOptions.builder()
        .stageName("$default")
        .autoDeploy(true)
        .throttle(
            ThrottleSettings.builder()
                .rateLimit(settings.apiRateLimit())
                .burstLimit(settings.apiBurstLimit())
                .build())
        .accessLogSettings(
            new IAccessLogSettings() {
              @Override
              public IAccessLogDestination getDestination() {
                return new LogGroupLogDestination(accessLogs);
              }

              @Override
              public AccessLogFormat getFormat() {
                return AccessLogFormat.jsonWithStandardFields();
              }
            })
        .build();
  }

  public HttpApi api() {
    return api;
  }
}

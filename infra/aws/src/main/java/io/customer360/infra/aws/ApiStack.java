package io.customer360.infra.aws;

import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
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
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.ResourceServerScope;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;
import software.amazon.awscdk.services.cognito.UserPoolResourceServer;
import software.amazon.awscdk.services.cognito.UserPoolResourceServerOptions;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The public API: an API Gateway HTTP API whose {@code /api/v1/…} routes reach query-api and
 * ml-scoring-service through a VPC link and the internal load balancer. Every route needs a Cognito
 * access token with the {@code c360/read} scope (OAuth client credentials for dashboards and
 * notebooks); the stage throttles all callers together and writes JSON access logs.
 */
public final class ApiStack extends Stack {

  /** OAuth resource server identifier; scopes are {@code c360/read} and {@code c360/pii}. */
  public static final String RESOURCE_SERVER = "c360";

  static final String READ_SCOPE = "read";
  static final String PII_SCOPE = "pii";

  private final HttpApi api;
  private final UserPool userPool;

  public ApiStack(
      Construct scope,
      String id,
      StackProps props,
      DeploymentSettings settings,
      NetworkStack network,
      ServicesStack services) {
    super(scope, id, props);
    userPool =
        UserPool.Builder.create(this, "Users")
            .userPoolName("c360-api")
            .selfSignUpEnabled(false)
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    UserPoolClient dashboards = dashboardClient();
    api =
        HttpApi.Builder.create(this, "Api")
            .apiName("c360-api")
            .description("Customer 360 dashboards and churn scores")
            .createDefaultStage(false)
            .build();
    HttpStage stage = api.addStage("DefaultStage", stageOptions(settings));
    routeToServices(network, services, dashboards);
    CfnOutput.Builder.create(this, "ApiUrl").value(stage.getUrl()).build();
  }

  /**
   * The OAuth resource server with its scopes, the client-credentials client of dashboards and
   * notebooks (read scope only), and the Cognito domain that issues their tokens.
   */
  private UserPoolClient dashboardClient() {
    ResourceServerScope read = scope(READ_SCOPE, "read dashboards and scores");
    ResourceServerScope pii = scope(PII_SCOPE, "see raw personal data in customer profiles");
    UserPoolResourceServer server =
        userPool.addResourceServer(
            "ResourceServer",
            UserPoolResourceServerOptions.builder()
                .identifier(RESOURCE_SERVER)
                .scopes(List.of(read, pii))
                .build());
    userPool.addDomain(
        "Domain",
        UserPoolDomainOptions.builder()
            .cognitoDomain(
                CognitoDomainOptions.builder().domainPrefix("c360-" + Aws.ACCOUNT_ID).build())
            .build());
    return userPool.addClient(
        "DashboardClient",
        UserPoolClientOptions.builder()
            .generateSecret(true)
            .oAuth(
                OAuthSettings.builder()
                    .flows(OAuthFlows.builder().clientCredentials(true).build())
                    .scopes(List.of(OAuthScope.resourceServer(server, read)))
                    .build())
            .accessTokenValidity(Duration.hours(1))
            .build());
  }

  /** {@code /api/v1/…} through the VPC link to the internal load balancer, token required. */
  private void routeToServices(
      NetworkStack network, ServicesStack services, UserPoolClient dashboards) {
    VpcLink link =
        api.addVpcLink(
            VpcLinkProps.builder()
                .vpc(network.vpc())
                .securityGroups(List.of(network.apiLinkSecurityGroup()))
                .subnets(
                    SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                .build());
    api.addRoutes(
        AddRoutesOptions.builder()
            .path("/api/v1/{proxy+}")
            .methods(List.of(HttpMethod.GET, HttpMethod.POST))
            .integration(
                new HttpAlbIntegration(
                    "Services",
                    services.apiListener(),
                    HttpAlbIntegrationProps.builder().vpcLink(link).build()))
            .authorizer(
                new HttpUserPoolAuthorizer(
                    "Authorizer",
                    userPool,
                    HttpUserPoolAuthorizerProps.builder()
                        .userPoolClients(List.of(dashboards))
                        .build()))
            .authorizationScopes(List.of(RESOURCE_SERVER + "/" + READ_SCOPE))
            .build());
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

  private static ResourceServerScope scope(String name, String description) {
    return ResourceServerScope.Builder.create()
        .scopeName(name)
        .scopeDescription(description)
        .build();
  }

  public HttpApi api() {
    return api;
  }

  public UserPool userPool() {
    return userPool;
  }
}

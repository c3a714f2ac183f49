package io.customer360.infra.aws;

import static io.customer360.infra.aws.TemplateSupport.properties;
import static io.customer360.infra.aws.TemplateSupport.resources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ApiStackTest {

  private final Template api = SynthesizedApp.template(SynthesizedApp.stacks().api());

  @Test
  void stageThrottlesAllCallers() {
    api.hasResourceProperties(
        "AWS::ApiGatewayV2::Stage",
        Match.objectLike(
            Map.of(
                "StageName",
                "$default",
                "DefaultRouteSettings",
                Map.of("ThrottlingRateLimit", 100, "ThrottlingBurstLimit", 200),
                "AccessLogSettings",
                Match.objectLike(Map.of("DestinationArn", Match.anyValue())))));
  }

  @Test
  void readsNeedACognitoTokenWithTheReadScopeAndWritesOneWithTheOperateScope() {
    Map<String, Map<String, Object>> routes = resources(api, "AWS::ApiGatewayV2::Route");
    Map<String, Object> scopesByRouteKey = new HashMap<>();
    routes.forEach(
        (id, route) -> {
          Map<String, Object> props = properties(route);
          // The dashboard's static files are the only open routes (ServiceRoutesTest).
          if (props.get("RouteKey").toString().contains(" /api/v1/")) {
            assertThat(props.get("AuthorizationType")).as(id).isEqualTo("JWT");
            scopesByRouteKey.put(
                props.get("RouteKey").toString(), props.get("AuthorizationScopes"));
          }
        });
    assertThat(scopesByRouteKey)
        .containsOnly(
            entry("GET /api/v1/{proxy+}", List.of("c360/read")),
            entry("POST /api/v1/churn-scores/batch", List.of("c360/operate")),
            entry("POST /api/v1/models/{proxy+}", List.of("c360/operate")));
    api.hasResourceProperties(
        "AWS::ApiGatewayV2::Authorizer",
        Match.objectLike(
            Map.of(
                "AuthorizerType",
                "JWT",
                "JwtConfiguration",
                Match.objectLike(Map.of("Issuer", Match.anyValue())))));
  }

  @Test
  void routesReachTheServicesOnlyThroughTheVpcLink() {
    api.hasResourceProperties(
        "AWS::ApiGatewayV2::Integration",
        Match.objectLike(Map.of("ConnectionType", "VPC_LINK", "IntegrationType", "HTTP_PROXY")));
    Template services = SynthesizedApp.template(SynthesizedApp.stacks().services());
    services.hasResourceProperties(
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        Match.objectLike(Map.of("Scheme", "internal")));
    services.hasResourceProperties(
        "AWS::ElasticLoadBalancingV2::ListenerRule",
        Match.objectLike(
            Map.of(
                "Conditions",
                List.of(
                    Map.of(
                        "Field",
                        "path-pattern",
                        "PathPatternConfig",
                        Map.of("Values", ServicesStack.SCORING_PATHS))))));
  }
}

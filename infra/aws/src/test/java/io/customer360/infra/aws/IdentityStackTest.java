package io.customer360.infra.aws;

import static io.customer360.infra.aws.TemplateSupport.properties;
import static io.customer360.infra.aws.TemplateSupport.resources;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The user pool and its app clients, and that API Gateway and the services behind it trust the same
 * issuer and clients.
 */
class IdentityStackTest {

  private final Template identity = SynthesizedApp.template(SynthesizedApp.stacks().identity());
  private final Template api = SynthesizedApp.template(SynthesizedApp.stacks().api());
  private final Template services = SynthesizedApp.template(SynthesizedApp.stacks().services());

  @Test
  void resourceServerOffersTheReadPiiAndOperateScopes() {
    identity.hasResourceProperties(
        "AWS::Cognito::UserPoolResourceServer",
        Match.objectLike(
            Map.of(
                "Identifier",
                "c360",
                "Scopes",
                List.of(
                    Map.of("ScopeName", "read", "ScopeDescription", Match.anyValue()),
                    Map.of("ScopeName", "pii", "ScopeDescription", Match.anyValue()),
                    Map.of("ScopeName", "operate", "ScopeDescription", Match.anyValue())))));
  }

  @Test
  void onlyTheSupportClientMayAskForThePiiScopeAndOnlyTheOperatorClientForOperate() {
    Map<String, Map<String, Object>> clients = resources(identity, "AWS::Cognito::UserPoolClient");
    Map<String, List<String>> scopesByClient =
        clients.entrySet().stream()
            .collect(
                Collectors.toMap(
                    e -> e.getKey().replaceAll("[0-9A-F]{8}$", ""),
                    e -> scopeNames(properties(e.getValue()).get("AllowedOAuthScopes"))));

    assertThat(scopesByClient)
        .containsOnlyKeys("UsersDashboardClient", "UsersSupportClient", "UsersOperatorClient")
        .containsEntry("UsersDashboardClient", List.of("c360/read"))
        .containsEntry("UsersSupportClient", List.of("c360/read", "c360/pii"))
        .containsEntry("UsersOperatorClient", List.of("c360/read", "c360/operate"));
    clients.forEach(
        (id, client) -> {
          assertThat(properties(client).get("AllowedOAuthFlows"))
              .as(id)
              .isEqualTo(List.of("client_credentials"));
          assertThat(properties(client).get("GenerateSecret")).as(id).isEqualTo(true);
        });
  }

  @Test
  void apiServicesTrustTheIssuerAndClientsTheAuthorizerTrusts() {
    Map<String, Object> jwt = authorizerJwtConfiguration();
    List<Object> audience = TemplateSupport.list(jwt.get("Audience"));
    assertThat(audience).hasSize(3);
    for (ServiceSpec spec : List.of(ServiceSpec.QUERY_API, ServiceSpec.ML_SCORING)) {
      Map<String, Object> env = environment(spec);

      assertThat(env.get("C360_SECURITY_JWT_ISSUERURI"))
          .as(spec.name())
          .isEqualTo(jwt.get("Issuer"));
      assertThat(joinParts(env.get("C360_SECURITY_JWT_CLIENTIDS")))
          .as(spec.name())
          .containsExactly(audience.get(0), ",", audience.get(1), ",", audience.get(2));
      assertThat(env).as(spec.name()).doesNotContainKey("C360_SECURITY_JWT_HMACSECRET");
    }
    assertThat(environment(ServiceSpec.TRANSFORM)).doesNotContainKey("C360_SECURITY_JWT_ISSUERURI");
  }

  /**
   * Scope names as the tokens carry them: the template joins a reference to the resource server
   * (whose value is its identifier) with {@code /<scope>}.
   */
  @SuppressWarnings("unchecked")
  private List<String> scopeNames(Object scopes) {
    Map<String, Object> server =
        properties(TemplateSupport.only(identity, "AWS::Cognito::UserPoolResourceServer"));
    String serverId =
        resources(identity, "AWS::Cognito::UserPoolResourceServer").keySet().iterator().next();
    return TemplateSupport.list(scopes).stream()
        .map(
            scope -> {
              List<Object> parts = joinParts(scope);
              assertThat(parts.get(0)).isEqualTo(Map.of("Ref", serverId));
              return server.get("Identifier") + (String) parts.get(1);
            })
        .toList();
  }

  /** The parts of an {@code Fn::Join} with the empty separator. */
  @SuppressWarnings("unchecked")
  private static List<Object> joinParts(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    List<Object> join = (List<Object>) ((Map<String, Object>) value).get("Fn::Join");
    assertThat(join.get(0)).isEqualTo("");
    return (List<Object>) join.get(1);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> authorizerJwtConfiguration() {
    Map<String, Object> authorizer = TemplateSupport.only(api, "AWS::ApiGatewayV2::Authorizer");
    return (Map<String, Object>) properties(authorizer).get("JwtConfiguration");
  }

  /** The container environment of a service's task definition, name → value. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> environment(ServiceSpec spec) {
    Map<String, Object> task =
        resources(services, "AWS::ECS::TaskDefinition").values().stream()
            .filter(t -> ("c360-" + spec.module()).equals(properties(t).get("Family")))
            .findFirst()
            .orElseThrow();
    Map<String, Object> container =
        (Map<String, Object>)
            TemplateSupport.list(properties(task).get("ContainerDefinitions")).get(0);
    return TemplateSupport.list(container.get("Environment")).stream()
        .map(e -> (Map<String, Object>) e)
        .collect(Collectors.toMap(e -> (String) e.get("Name"), e -> e.get("Value")));
  }
}

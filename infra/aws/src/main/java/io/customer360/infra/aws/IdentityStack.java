package io.customer360.infra.aws;

import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
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
import software.constructs.Construct;

/**
 * Who may call the API: the Cognito user pool {@code c360-api}, its OAuth resource server {@code
 * c360} with the scopes {@code c360/read}, {@code c360/pii} and {@code c360/operate}, the domain
 * that issues tokens, and three client-credentials app clients: {@code DashboardClient} (read) for
 * dashboards and notebooks, {@code SupportClient} (read and PII) for support tools that may see
 * personal identifiers, {@code OperatorClient} (read and operate) for operators who run batch
 * scoring, training, model import and cross-validation on ml-scoring-service. API Gateway's
 * authorizer and the services themselves both check the access tokens against {@link #issuerUri()}
 * and {@link #clientIds()}; the stack comes before both, so neither depends on the other for it.
 */
public final class IdentityStack extends Stack {

  /** OAuth resource server identifier: the prefix of the scopes in the tokens. */
  public static final String RESOURCE_SERVER = "c360";

  static final String READ_SCOPE = "read";

  /** query-api's PII scope; tokens carry it as {@code c360/pii} (query-api {@code PiiScope}). */
  static final String PII_SCOPE = "pii";

  /**
   * ml-scoring-service's operator scope; tokens carry it as {@code c360/operate}
   * (ml-scoring-service {@code OperatorScope}).
   */
  static final String OPERATE_SCOPE = "operate";

  private final UserPool userPool;
  private final UserPoolClient dashboardClient;
  private final UserPoolClient supportClient;
  private final UserPoolClient operatorClient;

  public IdentityStack(Construct scope, String id, StackProps props) {
    super(scope, id, props);
    userPool =
        UserPool.Builder.create(this, "Users")
            .userPoolName("c360-api")
            .selfSignUpEnabled(false)
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    ResourceServerScope read = scope(READ_SCOPE, "read dashboards and scores");
    ResourceServerScope pii = scope(PII_SCOPE, "see raw personal data in customer profiles");
    ResourceServerScope operate =
        scope(OPERATE_SCOPE, "run batch scoring, train, import and cross-validate models");
    UserPoolResourceServer server =
        userPool.addResourceServer(
            "ResourceServer",
            UserPoolResourceServerOptions.builder()
                .identifier(RESOURCE_SERVER)
                .scopes(List.of(read, pii, operate))
                .build());
    userPool.addDomain(
        "Domain",
        UserPoolDomainOptions.builder()
            .cognitoDomain(
                CognitoDomainOptions.builder().domainPrefix("c360-" + Aws.ACCOUNT_ID).build())
            .build());
    dashboardClient = client("DashboardClient", List.of(OAuthScope.resourceServer(server, read)));
    supportClient =
        client(
            "SupportClient",
            List.of(
                OAuthScope.resourceServer(server, read), OAuthScope.resourceServer(server, pii)));
    operatorClient =
        client(
            "OperatorClient",
            List.of(
                OAuthScope.resourceServer(server, read),
                OAuthScope.resourceServer(server, operate)));
  }

  private UserPoolClient client(String id, List<OAuthScope> scopes) {
    return userPool.addClient(
        id,
        UserPoolClientOptions.builder()
            .generateSecret(true)
            .oAuth(
                OAuthSettings.builder()
                    .flows(OAuthFlows.builder().clientCredentials(true).build())
                    .scopes(scopes)
                    .build())
            .accessTokenValidity(Duration.hours(1))
            .build());
  }

  private static ResourceServerScope scope(String name, String description) {
    return ResourceServerScope.Builder.create()
        .scopeName(name)
        .scopeDescription(description)
        .build();
  }

  /**
   * The issuer of the pool's tokens, as their {@code iss} claim and API Gateway's user pool
   * authorizer name it: {@code https://cognito-idp.<region>.amazonaws.com/<pool id>}.
   */
  public String issuerUri() {
    return "https://cognito-idp." + getRegion() + ".amazonaws.com/" + userPool.getUserPoolId();
  }

  /** The app clients whose access tokens the API accepts. */
  public List<UserPoolClient> clients() {
    return List.of(dashboardClient, supportClient, operatorClient);
  }

  /** Their client ids, the {@code client_id} claim of their access tokens. */
  public List<String> clientIds() {
    return clients().stream().map(UserPoolClient::getUserPoolClientId).toList();
  }

  public UserPool userPool() {
    return userPool;
  }
}

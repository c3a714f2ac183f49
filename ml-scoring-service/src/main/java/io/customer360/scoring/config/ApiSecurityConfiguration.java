package io.customer360.scoring.config;

import io.customer360.apisecurity.ApiAccessPolicy;
import io.customer360.apisecurity.ApiAuthenticationConfiguration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

/**
 * ml-scoring-service's access rules on top of the shared {@link ApiAuthenticationConfiguration}:
 * every endpoint except {@code /actuator/health} needs an API key in the {@code X-API-Key} header
 * or, where configured, a JWT bearer token. The state-changing calls, batch scoring and every
 * {@code POST} under {@code /api/v1/models/}, need the {@link OperatorScope} too, which API clients
 * listed in {@code c360.security.operator-clients} get; an authenticated caller without it gets a
 * 403 problem naming the scope.
 */
@Configuration(proxyBeanMethods = false)
@Import(ApiAuthenticationConfiguration.class)
@EnableConfigurationProperties(ScoringSecurityProperties.class)
public class ApiSecurityConfiguration {

  static final List<String> OPERATOR_POSTS =
      List.of("/api/v1/churn-scores/batch", "/api/v1/models/**");

  @Bean
  ApiAccessPolicy scoringApiAccessPolicy(ScoringSecurityProperties properties) {
    return ApiAccessPolicy.publicPaths(List.of())
        .grant(OperatorScope.SCOPE, properties.operatorClients())
        .require(OperatorScope.SCOPE, HttpMethod.POST, OPERATOR_POSTS);
  }
}

package io.customer360.scoring.config;

import io.customer360.apisecurity.ApiAccessPolicy;
import io.customer360.apisecurity.ApiAuthenticationConfiguration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * ml-scoring-service's access rules on top of the shared {@link ApiAuthenticationConfiguration}:
 * every endpoint except {@code /actuator/health} needs an API key in the {@code X-API-Key} header
 * or, where configured, a JWT bearer token; no client gets more than {@code ROLE_API_CLIENT}.
 */
@Configuration(proxyBeanMethods = false)
@Import(ApiAuthenticationConfiguration.class)
public class ApiSecurityConfiguration {

  @Bean
  ApiAccessPolicy scoringApiAccessPolicy() {
    return ApiAccessPolicy.publicPaths(List.of());
  }
}

package io.customer360.query.config;

import io.customer360.apisecurity.ApiAccessPolicy;
import io.customer360.apisecurity.ApiAuthenticationConfiguration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * query-api's access rules on top of the shared {@link ApiAuthenticationConfiguration} (API key in
 * {@code X-API-Key} or JWT bearer token, 401 problems). Open without credentials, besides {@code
 * /actuator/health}: the dashboard's static files (code, no data: it asks the user for a key and
 * sends it with every call) and, as in every service, the OpenAPI document and Swagger UI. API
 * clients listed in {@code c360.security.pii-clients} get the {@link PiiScope}.
 */
@Configuration(proxyBeanMethods = false)
@Import(ApiAuthenticationConfiguration.class)
@EnableConfigurationProperties(QuerySecurityProperties.class)
public class ApiSecurityConfiguration {

  private static final List<String> DASHBOARD =
      List.of("/", "/index.html", "/favicon.ico", "/dashboard/**", "/webjars/**");

  @Bean
  ApiAccessPolicy queryApiAccessPolicy(QuerySecurityProperties properties) {
    return ApiAccessPolicy.publicPaths(DASHBOARD)
        .grant(PiiScope.SCOPE.authority(), properties.piiClients());
  }
}

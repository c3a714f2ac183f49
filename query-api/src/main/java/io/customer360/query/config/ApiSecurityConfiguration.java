package io.customer360.query.config;

import io.customer360.apisecurity.ApiAccessPolicy;
import io.customer360.apisecurity.ApiAuthenticationConfiguration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * query-api's access rules on top of the shared {@link ApiAuthenticationConfiguration} (API key in
 * {@code X-API-Key} or JWT bearer token, 401 problems). Open without credentials, besides {@code
 * /actuator/health}: the dashboard's static files (code, no data: it asks the user for a key and
 * sends it with every call) and, unless {@code c360.security.public-docs=false}, the OpenAPI
 * document and Swagger UI. API clients listed in {@code c360.security.pii-clients} get the {@link
 * PiiScope}.
 */
@Configuration(proxyBeanMethods = false)
@Import(ApiAuthenticationConfiguration.class)
@EnableConfigurationProperties(QuerySecurityProperties.class)
public class ApiSecurityConfiguration {

  private static final List<String> DASHBOARD =
      List.of("/", "/index.html", "/favicon.ico", "/dashboard/**", "/webjars/**");
  private static final List<String> DOCS =
      List.of("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**");

  @Bean
  ApiAccessPolicy queryApiAccessPolicy(QuerySecurityProperties properties) {
    List<String> open = new ArrayList<>(DASHBOARD);
    if (properties.publicDocs()) {
      open.addAll(DOCS);
    }
    return ApiAccessPolicy.publicPaths(open)
        .grant(PiiScope.SCOPE.authority(), properties.piiClients());
  }
}

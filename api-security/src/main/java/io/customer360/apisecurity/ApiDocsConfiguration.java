package io.customer360.apisecurity;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}) and Swagger UI ({@code /swagger-ui.html}) of every
 * service that imports {@link ApiAuthenticationConfiguration}: springdoc describes the service's
 * own endpoints, this adds the two ways to authenticate the filter chain accepts (the API key
 * header and a JWT bearer token), so "Authorize" in Swagger UI works. Both paths are open without
 * credentials unless {@code c360.security.public-docs=false}: they describe the API and hold no
 * data.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocsConfiguration {

  /** The document and the UI, as springdoc serves them with {@code swagger-ui.path}. */
  static final List<String> PATHS =
      List.of("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**");

  @Bean
  OpenApiCustomizer apiSecuritySchemes(ApiSecurityProperties security) {
    return openApi -> {
      if (openApi.getComponents() == null) {
        openApi.components(new Components());
      }
      openApi
          .getComponents()
          .addSecuritySchemes(
              "apiKey",
              new SecurityScheme()
                  .type(SecurityScheme.Type.APIKEY)
                  .in(SecurityScheme.In.HEADER)
                  .name(security.apiKeyHeader()))
          .addSecuritySchemes(
              "bearer",
              new SecurityScheme()
                  .type(SecurityScheme.Type.HTTP)
                  .scheme("bearer")
                  .bearerFormat("JWT"));
      openApi
          .addSecurityItem(new SecurityRequirement().addList("apiKey"))
          .addSecurityItem(new SecurityRequirement().addList("bearer"));
    };
  }
}

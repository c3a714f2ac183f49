package io.customer360.query.config;

import io.customer360.apisecurity.ApiSecurityProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  @Bean
  OpenAPI queryApiOpenApi(ApiSecurityProperties security) {
    return new OpenAPI()
        .info(
            new Info()
                .title("Customer 360 query API")
                .version("v1")
                .description(
                    "Read-only answers to the marketing and analyst questions over the warehouse."
                        + " Every summary takes a period (from/to), filters, page/size/sort and"
                        + " links to its detail. Errors are RFC 9457 problems; a bad parameter is"
                        + " a 400 whose `parameter` names it."))
        .components(
            new Components()
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
                        .bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList("apiKey"))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }
}

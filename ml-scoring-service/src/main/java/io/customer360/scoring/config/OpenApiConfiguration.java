package io.customer360.scoring.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}); the ways to
 * authenticate come from {@link io.customer360.apisecurity.ApiDocsConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  @Bean
  OpenAPI scoringOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Customer 360 churn scoring API")
                .version("v1")
                .description(
                    "Churn scores per customer and the at-risk list, from the serving model;"
                        + " training, cross-validation, import and batch scoring of the churn"
                        + " model (POSTs, which need the operate scope). Errors are RFC 9457"
                        + " problems."));
  }
}

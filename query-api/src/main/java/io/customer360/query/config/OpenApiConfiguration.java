package io.customer360.query.config;

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
  OpenAPI queryApiOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Customer 360 query API")
                .version("v1")
                .description(
                    "Read-only answers to the marketing and analyst questions over the warehouse."
                        + " Every summary takes a period (from/to), filters, page/size/sort and"
                        + " links to its detail. Errors are RFC 9457 problems; a bad parameter is"
                        + " a 400 whose `parameter` names it."));
  }
}

package io.customer360.scoring.config;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ml-scoring-service's own {@code c360.security.*} settings, next to the shared API keys and JWT of
 * {@link io.customer360.apisecurity.ApiSecurityProperties} (same prefix).
 *
 * @param operatorClients API clients (names from {@code c360.security.api-keys}) granted the {@link
 *     OperatorScope} ({@code operate}); JWT callers get it from their {@code scope} claim ({@code
 *     operate}, or {@code c360/operate} in a Cognito access token)
 */
@ConfigurationProperties("c360.security")
public record ScoringSecurityProperties(Set<String> operatorClients) {

  public ScoringSecurityProperties {
    operatorClients = operatorClients == null ? Set.of() : Set.copyOf(operatorClients);
  }
}

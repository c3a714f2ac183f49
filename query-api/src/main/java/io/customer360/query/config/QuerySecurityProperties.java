package io.customer360.query.config;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * query-api's own {@code c360.security.*} settings, next to the shared API keys and JWT of {@link
 * io.customer360.apisecurity.ApiSecurityProperties} (same prefix, so the names are unchanged).
 *
 * @param piiClients API clients (names from {@code c360.security.api-keys}) granted the PII scope
 *     {@code pii:read}; JWT callers get it from their {@code scope} claim ({@code pii:read}, or
 *     {@code c360/pii} in a Cognito access token)
 */
@ConfigurationProperties("c360.security")
public record QuerySecurityProperties(Set<String> piiClients) {

  public QuerySecurityProperties {
    piiClients = piiClients == null ? Set.of() : Set.copyOf(piiClients);
  }
}

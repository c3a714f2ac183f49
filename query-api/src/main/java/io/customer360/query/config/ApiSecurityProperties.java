package io.customer360.query.config;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API authentication, bound from {@code c360.security.*}; the same names and behaviour as
 * ml-scoring-service. Keys come from the environment (e.g. {@code
 * C360_SECURITY_APIKEYS_DASHBOARD=...}) or a secret store, never from the repository. With no key
 * and no JWT configured every API call is refused.
 *
 * @param apiKeys client name → API key, sent in {@code apiKeyHeader}
 * @param apiKeyHeader the request header carrying the key
 * @param jwt optional JWT bearer tokens
 * @param piiClients API clients (names from {@code apiKeys}) granted the PII scope {@code
 *     pii:read}; JWT callers get it from their {@code scope} claim
 * @param publicDocs whether the OpenAPI document and Swagger UI are readable without credentials
 *     (they describe the API and hold no data)
 */
@ConfigurationProperties("c360.security")
public record ApiSecurityProperties(
    Map<String, String> apiKeys,
    @DefaultValue("X-API-Key") String apiKeyHeader,
    @DefaultValue Jwt jwt,
    Set<String> piiClients,
    @DefaultValue("true") boolean publicDocs) {

  public ApiSecurityProperties {
    apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
    piiClients = piiClients == null ? Set.of() : Set.copyOf(piiClients);
  }

  /**
   * JWT bearer tokens signed with a shared HMAC secret (HS256). For an identity provider with a JWK
   * set (Cognito, Okta, ...) set Spring Boot's {@code
   * spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri} instead.
   *
   * @param hmacSecret shared secret of at least 32 bytes, or unset
   */
  public record Jwt(String hmacSecret) {}

  @Override
  public String toString() {
    return "ApiSecurityProperties[clients="
        + apiKeys.keySet()
        + ", apiKeyHeader="
        + apiKeyHeader
        + ", hmacJwt="
        + (jwt.hmacSecret() != null)
        + ", piiClients="
        + piiClients
        + ", publicDocs="
        + publicDocs
        + "]";
  }
}

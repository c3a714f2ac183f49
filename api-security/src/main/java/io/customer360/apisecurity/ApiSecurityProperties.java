package io.customer360.apisecurity;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API authentication, bound from {@code c360.security.*} in every service that imports {@link
 * ApiAuthenticationConfiguration}. Keys come from the environment (e.g. {@code
 * C360_SECURITY_APIKEYS_DASHBOARD=...}) or a secret store, never from the repository. With no key
 * and no JWT configured every API call is refused.
 *
 * @param apiKeys client name → API key, sent in {@code apiKeyHeader}
 * @param apiKeyHeader the request header carrying the key
 * @param jwt optional JWT bearer tokens
 */
@ConfigurationProperties("c360.security")
public record ApiSecurityProperties(
    Map<String, String> apiKeys,
    @DefaultValue("X-API-Key") String apiKeyHeader,
    @DefaultValue Jwt jwt) {

  public ApiSecurityProperties {
    apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
  }

  /**
   * JWT bearer tokens signed with a shared HMAC secret (HS256). For an identity provider with a JWK
   * set (Cognito, Okta, ...) set Spring Boot's {@code
   * spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri} instead.
   *
   * @param hmacSecret shared secret of at least 32 bytes, or unset
   */
  public record Jwt(String hmacSecret) {

    @Override
    public String toString() {
      return "Jwt[hmacSecret=" + (hmacSecret == null ? "unset" : "set") + "]";
    }
  }

  /** Names the clients, never their keys, so the properties may be logged. */
  @Override
  public String toString() {
    return "ApiSecurityProperties[clients="
        + apiKeys.keySet()
        + ", apiKeyHeader="
        + apiKeyHeader
        + ", hmacJwt="
        + (jwt.hmacSecret() != null)
        + "]";
  }
}

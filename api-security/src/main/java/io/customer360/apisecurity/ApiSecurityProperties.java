package io.customer360.apisecurity;

import java.net.URI;
import java.util.Map;
import java.util.Set;
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
 * @param publicDocs whether the OpenAPI document and Swagger UI are readable without credentials
 *     (they describe the API and hold no data)
 */
@ConfigurationProperties("c360.security")
public record ApiSecurityProperties(
    Map<String, String> apiKeys,
    @DefaultValue("X-API-Key") String apiKeyHeader,
    @DefaultValue Jwt jwt,
    @DefaultValue("true") boolean publicDocs) {

  public ApiSecurityProperties {
    apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
  }

  /**
   * JWT bearer tokens from one of two issuers, never both (a service trusts one issuer): tokens
   * signed with a shared HMAC secret (HS256, for local use), or access tokens of an OpenID issuer
   * with a JWK set, shaped as Amazon Cognito issues them (RS256, {@code token_use=access}, {@code
   * client_id} one of {@code clientIds}). Start-up fails when both or only half of the latter are
   * set.
   *
   * @param hmacSecret shared secret of at least 32 bytes, or unset
   * @param issuerUri the issuer, exactly as the tokens' {@code iss} claim names it (Cognito: {@code
   *     https://cognito-idp.<region>.amazonaws.com/<user pool id>}); its discovery document names
   *     the JWK set. Unset for none
   * @param clientIds the app clients whose access tokens are accepted (their {@code client_id});
   *     required with {@code issuerUri}
   */
  public record Jwt(String hmacSecret, String issuerUri, Set<String> clientIds) {

    public Jwt {
      clientIds = clientIds == null ? Set.of() : Set.copyOf(clientIds);
      if (hmacSecret != null && issuerUri != null) {
        throw new IllegalArgumentException(
            "Set c360.security.jwt.hmac-secret or c360.security.jwt.issuer-uri, not both:"
                + " a service trusts one token issuer");
      }
      if (issuerUri != null) {
        requireHttpUri(issuerUri);
        if (clientIds.isEmpty()) {
          throw new IllegalArgumentException(
              "c360.security.jwt.issuer-uri needs c360.security.jwt.client-ids: the app clients"
                  + " whose access tokens are accepted");
        }
      } else if (!clientIds.isEmpty()) {
        throw new IllegalArgumentException(
            "c360.security.jwt.client-ids applies only to tokens of c360.security.jwt.issuer-uri,"
                + " which is not set");
      }
    }

    /** Whether access tokens of an OpenID issuer are accepted. */
    public boolean hasIssuer() {
      return issuerUri != null;
    }

    private static void requireHttpUri(String issuerUri) {
      URI uri;
      try {
        uri = URI.create(issuerUri);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "c360.security.jwt.issuer-uri is not a URI: '" + issuerUri + "'", e);
      }
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "c360.security.jwt.issuer-uri must be an http(s) URL, got '" + issuerUri + "'");
      }
    }

    /** Says whether the secret is set, never what it is. */
    @Override
    public String toString() {
      return "Jwt[hmacSecret="
          + (hmacSecret == null ? "unset" : "set")
          + ", issuerUri="
          + issuerUri
          + ", clientIds="
          + clientIds
          + "]";
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
        + ", jwtIssuer="
        + jwt.issuerUri()
        + "]";
  }
}

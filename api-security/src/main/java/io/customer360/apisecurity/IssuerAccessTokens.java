package io.customer360.apisecurity;

import java.util.Set;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * Access tokens of an OpenID issuer with a JWK set, checked as Amazon Cognito access tokens must
 * be: signed RS256 by a key of the issuer's JWK set, {@code iss} the configured issuer, {@code exp}
 * present and not past (60 s clock skew), {@code token_use} {@code access} (an ID token of the same
 * pool is refused) and {@code client_id} one of the allowed app clients (Cognito access tokens have
 * no {@code aud}). The JWK set's address comes from the issuer's discovery document, read at the
 * first token rather than at start-up, so a service starts while the issuer is unreachable; Spring
 * Security caches the keys and fetches them again for an unknown key id.
 */
final class IssuerAccessTokens {

  /** Cognito's claim telling access tokens ({@code access}) from ID tokens ({@code id}). */
  static final String TOKEN_USE = "token_use";

  /** Cognito's claim naming the app client an access token was issued to. */
  static final String CLIENT_ID = "client_id";

  private IssuerAccessTokens() {}

  /** A decoder for the access tokens of {@code jwt}'s issuer and clients. */
  static JwtDecoder decoder(ApiSecurityProperties.Jwt jwt) {
    OAuth2TokenValidator<Jwt> validator = validator(jwt.issuerUri(), jwt.clientIds());
    return new SupplierJwtDecoder(
        () -> {
          NimbusJwtDecoder decoder =
              NimbusJwtDecoder.withIssuerLocation(jwt.issuerUri())
                  .jwsAlgorithm(SignatureAlgorithm.RS256)
                  .build();
          decoder.setJwtValidator(validator);
          return decoder;
        });
  }

  /** The claim checks, after the signature. */
  static OAuth2TokenValidator<Jwt> validator(String issuerUri, Set<String> clientIds) {
    JwtTimestampValidator timestamps = new JwtTimestampValidator();
    timestamps.setAllowEmptyExpiryClaim(false);
    return new DelegatingOAuth2TokenValidator<>(
        timestamps,
        new JwtIssuerValidator(issuerUri),
        new JwtClaimValidator<>(TOKEN_USE, "access"::equals),
        new JwtClaimValidator<>(CLIENT_ID, id -> id != null && clientIds.contains(id)));
  }
}

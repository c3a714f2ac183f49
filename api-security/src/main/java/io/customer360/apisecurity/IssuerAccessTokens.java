package io.customer360.apisecurity;

import com.nimbusds.jose.KeySourceException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
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
 *
 * <p>When the discovery document or the JWK set cannot be fetched (issuer down, network error), the
 * token cannot be checked either way: the decoder throws {@link TokenIssuerUnavailableException},
 * answered with a 503, instead of the exceptions Spring Security would turn into a 500. Nothing is
 * kept of the failure, so the next token asks the issuer again. The first failure after a success
 * is logged at WARN with its cause (never the token), the next ones at DEBUG.
 */
final class IssuerAccessTokens {

  private static final Logger LOG = LoggerFactory.getLogger(IssuerAccessTokens.class);

  /** Cognito's claim telling access tokens ({@code access}) from ID tokens ({@code id}). */
  static final String TOKEN_USE = "token_use";

  /** Cognito's claim naming the app client an access token was issued to. */
  static final String CLIENT_ID = "client_id";

  private IssuerAccessTokens() {}

  /** A decoder for the access tokens of {@code jwt}'s issuer and clients. */
  static JwtDecoder decoder(ApiSecurityProperties.Jwt jwt) {
    OAuth2TokenValidator<Jwt> validator = validator(jwt.issuerUri(), jwt.clientIds());
    return new UnavailableIssuerDecoder(
        jwt.issuerUri(),
        new SupplierJwtDecoder(
            () -> {
              NimbusJwtDecoder decoder =
                  NimbusJwtDecoder.withIssuerLocation(jwt.issuerUri())
                      .jwsAlgorithm(SignatureAlgorithm.RS256)
                      .build();
              decoder.setJwtValidator(validator);
              return decoder;
            }));
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

  /**
   * {@code delegate}, with a failure to read the issuer's discovery document (a {@link
   * JwtDecoderInitializationException} of the lazy decoder) or JWK set (a {@link JwtException}
   * caused by a {@link KeySourceException}) thrown as {@link TokenIssuerUnavailableException}. Bad
   * tokens ({@link BadJwtException}) pass unchanged.
   */
  static final class UnavailableIssuerDecoder implements JwtDecoder {

    private final String issuerUri;
    private final JwtDecoder delegate;
    private final AtomicBoolean unavailable = new AtomicBoolean();

    UnavailableIssuerDecoder(String issuerUri, JwtDecoder delegate) {
      this.issuerUri = issuerUri;
      this.delegate = delegate;
    }

    @Override
    public Jwt decode(String token) {
      Jwt decoded;
      try {
        decoded = delegate.decode(token);
      } catch (BadJwtException e) {
        throw e;
      } catch (JwtDecoderInitializationException e) {
        throw unavailable(e);
      } catch (JwtException e) {
        if (causedBy(e, KeySourceException.class)) {
          throw unavailable(e);
        }
        throw e;
      }
      if (unavailable.compareAndSet(true, false)) {
        LOG.info("Bearer tokens of token issuer {} are checked again", issuerUri);
      }
      return decoded;
    }

    private TokenIssuerUnavailableException unavailable(RuntimeException e) {
      Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
      if (unavailable.compareAndSet(false, true)) {
        LOG.warn(
            "Token issuer {} cannot be reached, bearer tokens get a 503 until it answers: {}: {}",
            issuerUri,
            cause.getClass().getName(),
            cause.getMessage());
      } else {
        LOG.debug(
            "Token issuer {} still cannot be reached: {}: {}",
            issuerUri,
            cause.getClass().getName(),
            cause.getMessage());
      }
      return new TokenIssuerUnavailableException(issuerUri, e);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
      Throwable c = e.getCause();
      for (int depth = 0; c != null && depth < 16; depth++, c = c.getCause()) {
        if (type.isInstance(c)) {
          return true;
        }
      }
      return false;
    }
  }
}

package io.customer360.apisecurity;

import org.springframework.security.core.AuthenticationException;

/**
 * A bearer token that cannot be checked now, because its issuer's discovery document or JWK set
 * cannot be fetched: the issuer is down or unreachable. Not the caller's fault, so it is answered
 * with a 503 rather than a 401. An {@link AuthenticationException} (and not an {@code
 * AuthenticationServiceException}, which Spring Security rethrows as a 500), so that it reaches the
 * entry point like any failed bearer token.
 */
final class TokenIssuerUnavailableException extends AuthenticationException {

  TokenIssuerUnavailableException(String issuer, Throwable cause) {
    super("Token issuer " + issuer + " cannot be reached", cause);
  }
}

package io.customer360.query.config;

import java.util.Set;
import org.springframework.security.core.Authentication;

/**
 * The scope that unlocks personal identifiers in the customer 360 profile. It has two names, one
 * per kind of credential: {@code pii:read} for API clients listed in {@code
 * c360.security.pii-clients} and for HS256 JWTs (local use), and {@code c360/pii} for access tokens
 * of the Cognito user pool in AWS, where a scope is named after its resource server ({@code c360},
 * scope {@code pii}; {@code infra/aws} {@code IdentityStack}).
 */
public final class PiiScope {

  /** The granted authority API clients get (Spring's {@code SCOPE_} prefix for JWT scopes). */
  public static final String AUTHORITY = "SCOPE_pii:read";

  /** The authority of the Cognito access-token scope {@code c360/pii}. */
  public static final String COGNITO_AUTHORITY = "SCOPE_c360/pii";

  /** Every authority that carries the scope. */
  public static final Set<String> AUTHORITIES = Set.of(AUTHORITY, COGNITO_AUTHORITY);

  private PiiScope() {}

  /** Whether {@code authentication} carries the PII scope, under either name. */
  public static boolean grantedTo(Authentication authentication) {
    return authentication != null
        && authentication.isAuthenticated()
        && authentication.getAuthorities().stream()
            .anyMatch(a -> AUTHORITIES.contains(a.getAuthority()));
  }
}

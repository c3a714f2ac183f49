package io.customer360.query.config;

import org.springframework.security.core.Authentication;

/**
 * The scope that unlocks personal identifiers in the customer 360 profile: JWT scope {@code
 * pii:read}, or an API client listed in {@code c360.security.pii-clients}.
 */
public final class PiiScope {

  /** The granted authority the scope maps to (Spring's {@code SCOPE_} prefix for JWT scopes). */
  public static final String AUTHORITY = "SCOPE_pii:read";

  private PiiScope() {}

  /** Whether {@code authentication} carries the PII scope. */
  public static boolean grantedTo(Authentication authentication) {
    return authentication != null
        && authentication.isAuthenticated()
        && authentication.getAuthorities().stream()
            .anyMatch(a -> AUTHORITY.equals(a.getAuthority()));
  }
}

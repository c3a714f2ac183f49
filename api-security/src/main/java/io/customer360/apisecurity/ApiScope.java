package io.customer360.apisecurity;

import java.util.Set;
import org.springframework.security.core.Authentication;

/**
 * A scope that unlocks more than authentication does, under its two names, one per kind of
 * credential: {@code name} for the API clients a service grants it to and for HS256 JWTs (local
 * use), {@code cognitoName} for access tokens of the Cognito user pool in AWS, where a scope is
 * named after its resource server ({@code c360/<scope>}, {@code infra/aws} {@code IdentityStack}).
 * JWT scopes become authorities with Spring's {@code SCOPE_} prefix.
 *
 * @param name the scope of API clients and HS256 JWTs, e.g. {@code operate}
 * @param cognitoName the scope of Cognito access tokens, e.g. {@code c360/operate}
 * @param clientsProperty the property listing the API clients granted the scope, named in the 403
 *     problem of a caller without it
 */
public record ApiScope(String name, String cognitoName, String clientsProperty) {

  /** The authority of {@code name}; the one API clients are granted. */
  public String authority() {
    return "SCOPE_" + name;
  }

  /** The authority of {@code cognitoName}. */
  public String cognitoAuthority() {
    return "SCOPE_" + cognitoName;
  }

  /** Every authority that carries the scope. */
  public Set<String> authorities() {
    return Set.of(authority(), cognitoAuthority());
  }

  /** Whether {@code authentication} carries the scope, under either name. */
  public boolean grantedTo(Authentication authentication) {
    Set<String> authorities = authorities();
    return authentication != null
        && authentication.isAuthenticated()
        && authentication.getAuthorities().stream()
            .anyMatch(a -> authorities.contains(a.getAuthority()));
  }
}

package io.customer360.query.config;

import io.customer360.apisecurity.ApiScope;

/**
 * The scope that unlocks personal identifiers in the customer 360 profile. It has two names, one
 * per kind of credential: {@code pii:read} for API clients listed in {@code
 * c360.security.pii-clients} and for HS256 JWTs (local use), and {@code c360/pii} for access tokens
 * of the Cognito user pool in AWS, where a scope is named after its resource server ({@code c360},
 * scope {@code pii}; {@code infra/aws} {@code IdentityStack}).
 */
public final class PiiScope {

  /** The scope, under both names. */
  public static final ApiScope SCOPE =
      new ApiScope("pii:read", "c360/pii", "c360.security.pii-clients");

  private PiiScope() {}
}

package io.customer360.scoring.config;

import io.customer360.apisecurity.ApiScope;

/**
 * The scope that unlocks ml-scoring-service's state-changing calls: batch scoring ({@code POST
 * /api/v1/churn-scores/batch}), training, model import and cross-validation ({@code POST
 * /api/v1/models/…}). It has two names, one per kind of credential: {@code operate} for API clients
 * listed in {@code c360.security.operator-clients} and for HS256 JWTs (local use), and {@code
 * c360/operate} for access tokens of the Cognito user pool in AWS ({@code infra/aws} {@code
 * IdentityStack}, app client {@code OperatorClient}).
 */
public final class OperatorScope {

  /** The scope, under both names. */
  public static final ApiScope SCOPE =
      new ApiScope("operate", "c360/operate", "c360.security.operator-clients");

  private OperatorScope() {}
}

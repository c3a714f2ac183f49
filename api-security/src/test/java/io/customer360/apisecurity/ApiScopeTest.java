package io.customer360.apisecurity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

class ApiScopeTest {

  private static final ApiScope OPERATE =
      new ApiScope("operate", "c360/operate", "c360.security.operator-clients");

  @Test
  void authoritiesCarryBothNames() {
    assertThat(OPERATE.authority()).isEqualTo("SCOPE_operate");
    assertThat(OPERATE.cognitoAuthority()).isEqualTo("SCOPE_c360/operate");
    assertThat(OPERATE.authorities())
        .containsExactlyInAnyOrder("SCOPE_operate", "SCOPE_c360/operate");
  }

  @Test
  void cognitoAccessTokenScopeGrantsIt() {
    // The converter the resource server uses: each scope of the claim becomes SCOPE_<scope>.
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();

    assertThat(OPERATE.grantedTo(converter.convert(token("c360/read c360/operate")))).isTrue();
    assertThat(OPERATE.grantedTo(converter.convert(token("c360/read c360/pii")))).isFalse();
    assertThat(OPERATE.grantedTo(converter.convert(token("operate")))).isTrue();
  }

  @Test
  void apiClientsNeedTheGrantAndAuthentication() {
    assertThat(
            OPERATE.grantedTo(
                UsernamePasswordAuthenticationToken.authenticated(
                    "ops", null, AuthorityUtils.createAuthorityList("SCOPE_operate"))))
        .isTrue();
    assertThat(
            OPERATE.grantedTo(
                UsernamePasswordAuthenticationToken.authenticated(
                    "dashboard", null, AuthorityUtils.createAuthorityList("ROLE_API_CLIENT"))))
        .isFalse();
    TestingAuthenticationToken unauthenticated =
        new TestingAuthenticationToken("x", null, "SCOPE_operate");
    unauthenticated.setAuthenticated(false);
    assertThat(OPERATE.grantedTo(unauthenticated)).isFalse();
    assertThat(OPERATE.grantedTo(null)).isFalse();
  }

  private static Jwt token(String scope) {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .subject("operator-client-id")
        .claim("scope", scope)
        .issuedAt(Instant.now())
        .expiresAt(Instant.now().plusSeconds(60))
        .build();
  }
}

package io.customer360.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.authentication.TestingAuthenticationToken;

class PiiScopeTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "SCOPE_pii:read, true",
    "SCOPE_c360/pii, true",
    "SCOPE_c360/read, false",
    "SCOPE_other/pii, false",
    "SCOPE_pii, false",
    "ROLE_API_CLIENT, false"
  })
  void eitherNameOfTheScopeUnlocksPersonalData(String authority, boolean granted) {
    TestingAuthenticationToken caller = new TestingAuthenticationToken("caller", null, authority);

    assertThat(PiiScope.SCOPE.grantedTo(caller)).isEqualTo(granted);
  }

  @Test
  void anUnauthenticatedCallerNeverHasIt() {
    TestingAuthenticationToken caller =
        new TestingAuthenticationToken("caller", null, PiiScope.SCOPE.cognitoAuthority());
    caller.setAuthenticated(false);

    assertThat(PiiScope.SCOPE.grantedTo(caller)).isFalse();
    assertThat(PiiScope.SCOPE.grantedTo(null)).isFalse();
  }
}

package io.customer360.apisecurity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class ApiKeyAuthenticationFilterTest {

  private final List<AuthenticationException> refusals = new ArrayList<>();
  private final List<Authentication> seenByChain = new ArrayList<>();
  private final ApiKeyAuthenticationFilter filter =
      new ApiKeyAuthenticationFilter(
          "X-API-Key",
          Map.of("dashboard", "dashboard-key", "support", "support-key", "retired", " "),
          ApiAccessPolicy.publicPaths(List.of()).grant("SCOPE_pii:read", Set.of("support")),
          (request, response, e) -> refusals.add(e));

  @AfterEach
  void clearContext() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void knownKeyAuthenticatesAsItsClientWithTheClientRole() throws Exception {
    send("dashboard-key");

    assertThat(seenByChain)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getName()).isEqualTo("dashboard");
              assertThat(a.isAuthenticated()).isTrue();
              assertThat(authorities(a)).containsExactly("ROLE_API_CLIENT");
              assertThat(a.getCredentials()).isNull();
            });
    assertThat(refusals).isEmpty();
  }

  @Test
  void clientGetsTheAuthoritiesThePolicyGrantsIt() throws Exception {
    send("support-key");

    assertThat(seenByChain)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getName()).isEqualTo("support");
              assertThat(authorities(a)).containsExactly("ROLE_API_CLIENT", "SCOPE_pii:read");
            });
  }

  @Test
  void unknownKeyIsRefusedAtOnceWithoutReachingTheChain() throws Exception {
    send("dashboard-key-but-longer");

    assertThat(seenByChain).isEmpty();
    assertThat(refusals)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getMessage()).isEqualTo("Unknown API key");
              assertThat(e.getMessage()).doesNotContain("dashboard-key");
            });
  }

  @Test
  void blankConfiguredKeyAuthenticatesNobody() throws Exception {
    send(" ");
    send("");

    assertThat(seenByChain).isEmpty();
    assertThat(refusals).hasSize(2);
  }

  @Test
  void requestWithoutTheHeaderPassesOnUnauthenticated() throws Exception {
    filter.doFilter(
        new MockHttpServletRequest("GET", "/api/v1/x"),
        new MockHttpServletResponse(),
        (request, response) ->
            seenByChain.add(SecurityContextHolder.getContext().getAuthentication()));

    assertThat(seenByChain).containsExactly((Authentication) null);
    assertThat(refusals).isEmpty();
  }

  @Test
  void keyInAnotherHeaderIsNotLookedAt() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/x");
    request.addHeader("Authorization", "dashboard-key");

    filter.doFilter(
        request,
        new MockHttpServletResponse(),
        (req, res) -> seenByChain.add(SecurityContextHolder.getContext().getAuthentication()));

    assertThat(seenByChain).containsExactly((Authentication) null);
  }

  @Test
  void authenticationDoesNotOutliveTheRequest() throws Exception {
    send("dashboard-key");

    assertThat(seenByChain).hasSize(1);
    assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
  }

  private void send(String key) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/x");
    request.addHeader("X-API-Key", key);
    filter.doFilter(
        request,
        new MockHttpServletResponse(),
        (req, res) -> seenByChain.add(SecurityContextHolder.getContext().getAuthentication()));
  }

  private static List<String> authorities(Authentication authentication) {
    return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }
}

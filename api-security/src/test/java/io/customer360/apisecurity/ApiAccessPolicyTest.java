package io.customer360.apisecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class ApiAccessPolicyTest {

  @Test
  void grantsAccumulatePerClient() {
    ApiAccessPolicy policy =
        ApiAccessPolicy.publicPaths(List.of("/docs/**"))
            .grant("SCOPE_pii:read", Set.of("support", "audit"))
            .grant("SCOPE_admin", Set.of("audit"));

    assertThat(policy.authoritiesOf("support")).containsExactly("SCOPE_pii:read");
    assertThat(policy.authoritiesOf("audit"))
        .containsExactlyInAnyOrder("SCOPE_pii:read", "SCOPE_admin");
    assertThat(policy.authoritiesOf("dashboard")).isEmpty();
    assertThat(policy.publicPaths()).containsExactly("/docs/**");
  }

  @Test
  void scopedRequestsAccumulateInOrderAndKeepTheGrants() {
    ApiScope operate = new ApiScope("operate", "c360/operate", "c360.security.operator-clients");
    ApiAccessPolicy policy =
        ApiAccessPolicy.publicPaths(List.of())
            .require(operate, HttpMethod.POST, List.of("/a/batch"))
            .grant(operate, Set.of("ops"))
            .require(operate, HttpMethod.POST, List.of("/models/**"));

    assertThat(policy.scopedRequests())
        .containsExactly(
            new ApiAccessPolicy.ScopedRequests(HttpMethod.POST, List.of("/a/batch"), operate),
            new ApiAccessPolicy.ScopedRequests(HttpMethod.POST, List.of("/models/**"), operate));
    assertThat(policy.authoritiesOf("ops")).containsExactly("SCOPE_operate");
  }

  @Test
  void grantingNobodyChangesNothing() {
    ApiAccessPolicy policy = ApiAccessPolicy.publicPaths(List.of()).grant("SCOPE_x", Set.of());

    assertThat(policy.authoritiesByClient()).isEmpty();
  }

  @Test
  void laterChangesToTheGivenPathsDoNotLeakIn() {
    List<String> paths = new ArrayList<>(List.of("/a"));
    ApiAccessPolicy policy = ApiAccessPolicy.publicPaths(paths);
    paths.add("/b");

    assertThat(policy.publicPaths()).containsExactly("/a");
    assertThatThrownBy(() -> policy.authoritiesOf("x").add("y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}

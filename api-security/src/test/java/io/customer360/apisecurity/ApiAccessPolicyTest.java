package io.customer360.apisecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

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

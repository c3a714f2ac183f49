package io.customer360.apisecurity;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service as query-api and ml-scoring-service are: it imports the shared configuration, declares
 * its policy (public {@code /open/**}, client {@code support} granted {@code SCOPE_pii:read}) and
 * answers who called.
 */
@SpringBootApplication
@Import(ApiAuthenticationConfiguration.class)
class TestApplication {

  @Bean
  ApiAccessPolicy testPolicy() {
    return ApiAccessPolicy.publicPaths(List.of("/open/**"))
        .grant("SCOPE_pii:read", Set.of("support"));
  }

  @RestController
  static class CallerController {

    @GetMapping("/api/caller")
    Map<String, Object> caller(Authentication caller) {
      return Map.of(
          "name",
          caller.getName(),
          "authorities",
          caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
    }

    @GetMapping("/open/page")
    String open() {
      return "open";
    }
  }
}

package io.customer360.apisecurity;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service as query-api and ml-scoring-service are: it imports the shared configuration, declares
 * its policy (public {@code /open/**}, client {@code support} granted {@code SCOPE_pii:read},
 * {@code POST /api/operations} needing {@link #OPERATE} and client {@code operator} granted it) and
 * answers who called.
 */
@SpringBootApplication
@Import(ApiAuthenticationConfiguration.class)
class TestApplication {

  static final ApiScope OPERATE = new ApiScope("operate", "c360/operate", "test.operator-clients");

  @Bean
  ApiAccessPolicy testPolicy() {
    return ApiAccessPolicy.publicPaths(List.of("/open/**"))
        .grant("SCOPE_pii:read", Set.of("support"))
        .grant(OPERATE, Set.of("operator"))
        .require(OPERATE, HttpMethod.POST, List.of("/api/operations"));
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

    @RequestMapping(
        path = "/api/operations",
        method = {RequestMethod.GET, RequestMethod.POST})
    Map<String, Object> operate(Authentication caller) {
      return caller(caller);
    }

    @GetMapping("/open/page")
    String open() {
      return "open";
    }
  }
}

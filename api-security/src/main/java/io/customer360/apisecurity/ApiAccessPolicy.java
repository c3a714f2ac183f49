package io.customer360.apisecurity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;

/**
 * What differs between the services' API security, declared as one bean by each service: the paths
 * open without credentials (besides {@code /actuator/health} and {@code /error}, open everywhere),
 * the authorities an API-key client gets besides {@code ROLE_API_CLIENT}, and the requests that
 * need an {@link ApiScope} besides authentication. JWT callers get their authorities from the
 * token's {@code scope} claim instead.
 *
 * @param publicPaths Ant-style path patterns anyone may read
 * @param authoritiesByClient API client name → extra granted authorities
 * @param scopedRequests requests that need a scope, checked in order; an authenticated caller
 *     without it gets a 403 problem naming the scope
 */
public record ApiAccessPolicy(
    List<String> publicPaths,
    Map<String, Set<String>> authoritiesByClient,
    List<ScopedRequests> scopedRequests) {

  public ApiAccessPolicy {
    publicPaths = List.copyOf(publicPaths);
    authoritiesByClient =
        authoritiesByClient.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    scopedRequests = List.copyOf(scopedRequests);
  }

  /**
   * Requests of {@code method} to one of {@code paths} (path patterns, e.g. {@code
   * /api/v1/models/**}) that need {@code scope}.
   */
  public record ScopedRequests(HttpMethod method, List<String> paths, ApiScope scope) {

    public ScopedRequests {
      paths = List.copyOf(paths);
    }
  }

  /** A policy that opens {@code paths} and grants no extra authority. */
  public static ApiAccessPolicy publicPaths(List<String> paths) {
    return new ApiAccessPolicy(paths, Map.of(), List.of());
  }

  /** This policy, with {@code scope} granted to each API client in {@code clients}. */
  public ApiAccessPolicy grant(ApiScope scope, Set<String> clients) {
    return grant(scope.authority(), clients);
  }

  /** This policy, with {@code method} requests to {@code paths} needing {@code scope}. */
  public ApiAccessPolicy require(ApiScope scope, HttpMethod method, List<String> paths) {
    List<ScopedRequests> scoped = new ArrayList<>(scopedRequests);
    scoped.add(new ScopedRequests(method, paths, scope));
    return new ApiAccessPolicy(publicPaths, authoritiesByClient, scoped);
  }

  /** This policy, with {@code authority} granted to each API client in {@code clients}. */
  public ApiAccessPolicy grant(String authority, Set<String> clients) {
    Map<String, Set<String>> granted = new HashMap<>(authoritiesByClient);
    for (String client : clients) {
      Set<String> authorities = new LinkedHashSet<>(granted.getOrDefault(client, Set.of()));
      authorities.add(authority);
      granted.put(client, authorities);
    }
    return new ApiAccessPolicy(publicPaths, granted, scopedRequests);
  }

  /** The extra authorities of API client {@code client}; empty for most clients. */
  public Set<String> authoritiesOf(String client) {
    return authoritiesByClient.getOrDefault(client, Set.of());
  }
}

package io.customer360.apisecurity;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What differs between the services' API security, declared as one bean by each service: the paths
 * open without credentials (besides {@code /actuator/health} and {@code /error}, open everywhere)
 * and the authorities an API-key client gets besides {@code ROLE_API_CLIENT}. JWT callers get their
 * authorities from the token's {@code scope} claim instead.
 *
 * @param publicPaths Ant-style path patterns anyone may read
 * @param authoritiesByClient API client name → extra granted authorities
 */
public record ApiAccessPolicy(
    List<String> publicPaths, Map<String, Set<String>> authoritiesByClient) {

  public ApiAccessPolicy {
    publicPaths = List.copyOf(publicPaths);
    authoritiesByClient =
        authoritiesByClient.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
  }

  /** A policy that opens {@code paths} and grants no extra authority. */
  public static ApiAccessPolicy publicPaths(List<String> paths) {
    return new ApiAccessPolicy(paths, Map.of());
  }

  /** This policy, with {@code authority} granted to each API client in {@code clients}. */
  public ApiAccessPolicy grant(String authority, Set<String> clients) {
    Map<String, Set<String>> granted = new HashMap<>(authoritiesByClient);
    for (String client : clients) {
      Set<String> authorities = new LinkedHashSet<>(granted.getOrDefault(client, Set.of()));
      authorities.add(authority);
      granted.put(client, authorities);
    }
    return new ApiAccessPolicy(publicPaths, granted);
  }

  /** The extra authorities of API client {@code client}; empty for most clients. */
  public Set<String> authoritiesOf(String client) {
    return authoritiesByClient.getOrDefault(client, Set.of());
  }
}

package io.customer360.apisecurity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries an API key header. A known key authenticates the request as
 * its client (authority {@code ROLE_API_CLIENT}, plus what the service's {@link ApiAccessPolicy}
 * grants that client); an unknown key is a 401 at once. Requests without the header pass on, to a
 * JWT bearer token or to the 401 of the entry point. Keys are compared as SHA-256 digests in
 * constant time; neither keys nor digests are logged.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  static final String CLIENT_AUTHORITY = "ROLE_API_CLIENT";

  private final String header;
  private final Map<String, byte[]> digestByClient;
  private final ApiAccessPolicy policy;
  private final AuthenticationEntryPoint entryPoint;

  ApiKeyAuthenticationFilter(
      String header,
      Map<String, String> keysByClient,
      ApiAccessPolicy policy,
      AuthenticationEntryPoint entryPoint) {
    this.header = header;
    this.digestByClient =
        keysByClient.entrySet().stream()
            .filter(e -> e.getValue() != null && !e.getValue().isBlank())
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> digest(e.getValue())));
    this.policy = policy;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(header);
    if (key == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> client = client(key);
    if (client.isEmpty()) {
      SecurityContextHolder.clearContext();
      entryPoint.commence(request, response, new BadCredentialsException("Unknown API key"));
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            client.get(), null, authorities(client.get())));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private List<GrantedAuthority> authorities(String client) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority(CLIENT_AUTHORITY));
    policy.authoritiesOf(client).forEach(a -> authorities.add(new SimpleGrantedAuthority(a)));
    return authorities;
  }

  private Optional<String> client(String key) {
    byte[] presented = digest(key);
    String match = null;
    for (Map.Entry<String, byte[]> e : digestByClient.entrySet()) {
      if (MessageDigest.isEqual(presented, e.getValue())) {
        match = e.getKey(); // no early exit: the time taken does not depend on which key matched
      }
    }
    return Optional.ofNullable(match);
  }

  private static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}

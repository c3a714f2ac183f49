package io.customer360.query.config;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * API authentication, the same convention as ml-scoring-service: every API call needs an API key in
 * the {@code X-API-Key} header or, where configured, a JWT bearer token. Open without credentials:
 * {@code /actuator/health}, the dashboard's static files (code, no data: it asks the user for a key
 * and sends it with every call) and, unless {@code c360.security.public-docs=false}, the OpenAPI
 * document and Swagger UI. Stateless, no sessions, no CSRF (no cookies are issued). Unauthenticated
 * calls get a 401 RFC 9457 problem.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiSecurityProperties.class)
public class ApiSecurityConfiguration {

  private static final List<String> OPEN =
      List.of(
          "/actuator/health",
          "/actuator/health/**",
          "/error",
          "/",
          "/index.html",
          "/favicon.ico",
          "/dashboard/**",
          "/webjars/**");
  private static final List<String> DOCS =
      List.of("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**");

  @Bean
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      ApiSecurityProperties properties,
      ObjectProvider<JwtDecoder> jwtDecoder,
      JsonMapper json) {
    AuthenticationEntryPoint unauthorized = problemEntryPoint(properties, json);
    List<String> open = new ArrayList<>(OPEN);
    if (properties.publicDocs()) {
      open.addAll(DOCS);
    }
    http.csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(open.toArray(String[]::new))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized))
        .addFilterBefore(
            new ApiKeyAuthenticationFilter(
                properties.apiKeyHeader(),
                properties.apiKeys(),
                properties.piiClients(),
                unauthorized),
            UsernamePasswordAuthenticationFilter.class);
    if (jwtDecoder.getIfAvailable() != null) {
      http.oauth2ResourceServer(
          o -> o.jwt(Customizer.withDefaults()).authenticationEntryPoint(unauthorized));
    }
    return http.build();
  }

  /** HS256 JWTs when {@code c360.security.jwt.hmac-secret} is set. */
  @Bean
  @ConditionalOnProperty("c360.security.jwt.hmac-secret")
  JwtDecoder hmacJwtDecoder(ApiSecurityProperties properties) {
    byte[] secret = properties.jwt().hmacSecret().getBytes(StandardCharsets.UTF_8);
    if (secret.length < 32) {
      throw new IllegalStateException("c360.security.jwt.hmac-secret needs at least 32 bytes");
    }
    return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
        .macAlgorithm(MacAlgorithm.HS256)
        .build();
  }

  /**
   * Requests the firewall refuses (a {@code ;}, an encoded {@code /} or {@code %} in the path, ...)
   * get a 400 problem like every other bad request, naming the path as the parameter at fault.
   */
  @Bean
  RequestRejectedHandler problemRequestRejectedHandler(JsonMapper json) {
    return (request, response, exception) -> {
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("type", "https://customer360.io/problems/invalid-parameter");
      problem.put("title", "Invalid parameter");
      problem.put("status", HttpServletResponse.SC_BAD_REQUEST);
      problem.put("detail", "path: contains characters that are not allowed (; \\ encoded / or %)");
      problem.put("parameter", "path");
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.getOutputStream().write(json.writeValueAsBytes(problem));
    };
  }

  private static AuthenticationEntryPoint problemEntryPoint(
      ApiSecurityProperties properties, JsonMapper json) {
    return (request, response, exception) -> {
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("type", "https://customer360.io/problems/unauthenticated");
      problem.put("title", "Unauthenticated");
      problem.put("status", HttpServletResponse.SC_UNAUTHORIZED);
      problem.put(
          "detail",
          "Send a valid API key in the "
              + properties.apiKeyHeader()
              + " header or a bearer token: "
              + exception.getMessage());
      problem.put("instance", request.getRequestURI());
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader(
          "WWW-Authenticate", "ApiKey header=\"" + properties.apiKeyHeader() + "\", Bearer");
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.getOutputStream().write(json.writeValueAsBytes(problem));
    };
  }
}

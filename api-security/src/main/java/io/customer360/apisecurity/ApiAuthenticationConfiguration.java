package io.customer360.apisecurity;

import io.customer360.apisecurity.problem.ApiProblemAdvice;
import io.customer360.apisecurity.problem.Problems;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * API authentication shared by query-api and ml-scoring-service; a service imports it and declares
 * its {@link ApiAccessPolicy}. Every request needs an API key in the {@code X-API-Key} header
 * ({@code c360.security.api-key-header}) or, where configured, a JWT bearer token, except {@code
 * /actuator/health}, {@code /error}, the OpenAPI document and Swagger UI of {@link
 * ApiDocsConfiguration} (unless {@code c360.security.public-docs=false}) and the policy's public
 * paths. JWTs are either HS256 with a shared secret ({@code c360.security.jwt.hmac-secret}, local
 * use) or access tokens of an OpenID issuer such as a Cognito user pool ({@code
 * c360.security.jwt.issuer-uri} and {@code client-ids}, see {@link IssuerAccessTokens}). Stateless,
 * no sessions, no CSRF (no cookies are issued). Unauthenticated calls get a 401 RFC 9457 problem;
 * requests the firewall refuses a 400 problem. A bearer token that cannot be checked because its
 * issuer is unreachable gets a 503 problem with {@code Retry-After}; API keys keep working
 * meanwhile. Requests the policy scopes need one of the scope's authorities too; an authenticated
 * caller without it gets a 403 problem naming the scope. Errors of the controllers are problems
 * too: {@link ApiProblemAdvice} answers the ones both services share.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiSecurityProperties.class)
@Import({ApiDocsConfiguration.class, ApiProblemAdvice.class})
public class ApiAuthenticationConfiguration {

  /** Seconds a caller is asked to wait when the token issuer cannot be reached. */
  static final int ISSUER_RETRY_AFTER_SECONDS = 30;

  private static final List<String> ALWAYS_OPEN =
      List.of("/actuator/health", "/actuator/health/**", "/error");

  /**
   * Spring Boot's own resource-server settings: they would build a decoder that checks neither
   * {@code token_use} nor {@code client_id}, so they are refused rather than half-used.
   */
  static final List<String> BOOT_JWT_PROPERTIES =
      List.of(
          "spring.security.oauth2.resourceserver.jwt.issuer-uri",
          "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
          "spring.security.oauth2.resourceserver.jwt.public-key-location");

  @Bean
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      ApiSecurityProperties properties,
      ApiAccessPolicy policy,
      ObjectProvider<JwtDecoder> jwtDecoder,
      JsonMapper json,
      Environment environment) {
    refuseBootJwtProperties(environment);
    AuthenticationEntryPoint unauthorized = problemEntryPoint(properties, json);
    List<String> open = new ArrayList<>(ALWAYS_OPEN);
    if (properties.publicDocs()) {
      open.addAll(ApiDocsConfiguration.PATHS);
    }
    open.addAll(policy.publicPaths());
    List<ScopedMatcher> scoped = scopedMatchers(policy);
    http.csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            a -> {
              a.requestMatchers(open.toArray(String[]::new)).permitAll();
              for (ScopedMatcher s : scoped) {
                a.requestMatchers(s.matcher())
                    .hasAnyAuthority(s.scope().authorities().toArray(String[]::new));
              }
              a.anyRequest().authenticated();
            })
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(unauthorized)
                    .accessDeniedHandler(problemAccessDeniedHandler(scoped, json)))
        .addFilterBefore(
            new ApiKeyAuthenticationFilter(
                properties.apiKeyHeader(), properties.apiKeys(), policy, unauthorized),
            UsernamePasswordAuthenticationFilter.class);
    if (jwtDecoder.getIfAvailable() != null) {
      http.oauth2ResourceServer(
          o -> o.jwt(Customizer.withDefaults()).authenticationEntryPoint(unauthorized));
    }
    return http.build();
  }

  /** A request matcher of the policy's scoped requests, with the scope it needs. */
  private record ScopedMatcher(RequestMatcher matcher, ApiScope scope) {}

  private static List<ScopedMatcher> scopedMatchers(ApiAccessPolicy policy) {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    List<ScopedMatcher> matchers = new ArrayList<>();
    for (ApiAccessPolicy.ScopedRequests requests : policy.scopedRequests()) {
      for (String path : requests.paths()) {
        matchers.add(new ScopedMatcher(paths.matcher(requests.method(), path), requests.scope()));
      }
    }
    return matchers;
  }

  /**
   * A 403 problem for an authenticated caller without the scope the request needs, whose {@code
   * type} and {@code title} name the scope ({@code …/operate-scope-required}, "Scope operate
   * required") and whose {@code scope} and {@code cognitoScope} properties give its two names.
   * Unauthenticated callers never get here: they get the 401 of the entry point.
   */
  private static AccessDeniedHandler problemAccessDeniedHandler(
      List<ScopedMatcher> scoped, JsonMapper json) {
    return (request, response, exception) -> {
      ScopedMatcher needed =
          scoped.stream().filter(s -> s.matcher().matches(request)).findFirst().orElse(null);
      ProblemDetail problem;
      if (needed == null) {
        problem =
            Problems.of(
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Forbidden",
                "The caller may not make this request");
      } else {
        ApiScope scope = needed.scope();
        problem =
            Problems.of(
                HttpStatus.FORBIDDEN,
                scope.name().replaceAll("[^A-Za-z0-9]+", "-") + "-scope-required",
                "Scope " + scope.name() + " required",
                request.getMethod()
                    + " "
                    + request.getRequestURI()
                    + " needs the "
                    + scope.name()
                    + " scope: an API client listed in "
                    + scope.clientsProperty()
                    + ", or a bearer token with scope "
                    + scope.name()
                    + " ("
                    + scope.cognitoName()
                    + " in a Cognito access token)");
        problem.setProperty("scope", scope.name());
        problem.setProperty("cognitoScope", scope.cognitoName());
      }
      Problems.write(Problems.at(problem, request), response, json);
    };
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
   * Access tokens of the OpenID issuer {@code c360.security.jwt.issuer-uri} (a Cognito user pool in
   * AWS) issued to one of {@code c360.security.jwt.client-ids}.
   */
  @Bean
  @ConditionalOnProperty("c360.security.jwt.issuer-uri")
  JwtDecoder issuerJwtDecoder(ApiSecurityProperties properties) {
    return IssuerAccessTokens.decoder(properties.jwt());
  }

  static void refuseBootJwtProperties(Environment environment) {
    for (String property : BOOT_JWT_PROPERTIES) {
      if (environment.containsProperty(property)) {
        throw new IllegalStateException(
            property
                + " is not used by the API security: set c360.security.jwt.issuer-uri and"
                + " c360.security.jwt.client-ids instead, which also check token_use and"
                + " client_id");
      }
    }
  }

  /**
   * Requests the firewall refuses (a {@code ;}, an encoded {@code /} or {@code %} in the path, ...)
   * get a 400 problem like every other bad request, naming the path as the parameter at fault.
   */
  @Bean
  RequestRejectedHandler problemRequestRejectedHandler(JsonMapper json) {
    return (request, response, exception) ->
        Problems.write(
            Problems.invalidParameter(
                "path", "path: contains characters that are not allowed (; \\ encoded / or %)"),
            response,
            json);
  }

  /**
   * A 401 problem for missing or refused credentials, or a 503 problem when the bearer token's
   * issuer cannot be reached (the token cannot be checked, it is not known to be bad).
   */
  private static AuthenticationEntryPoint problemEntryPoint(
      ApiSecurityProperties properties, JsonMapper json) {
    return (request, response, exception) -> {
      if (exception instanceof TokenIssuerUnavailableException) {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ISSUER_RETRY_AFTER_SECONDS));
        Problems.write(
            Problems.at(
                Problems.of(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "token-issuer-unavailable",
                    "Token issuer unavailable",
                    "The bearer token cannot be checked now: its issuer cannot be reached. Retry"
                        + " later, or send an API key in the "
                        + properties.apiKeyHeader()
                        + " header."),
                request),
            response,
            json);
        return;
      }
      ProblemDetail problem =
          Problems.at(
              Problems.of(
                  HttpStatus.UNAUTHORIZED,
                  "unauthenticated",
                  "Unauthenticated",
                  "Send a valid API key in the "
                      + properties.apiKeyHeader()
                      + " header or a bearer token: "
                      + exception.getMessage()),
              request);
      response.setHeader(
          "WWW-Authenticate", "ApiKey header=\"" + properties.apiKeyHeader() + "\", Bearer");
      Problems.write(problem, response, json);
    };
  }
}

package io.customer360.apisecurity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** The shared filter chain around a test service, in a web slice. */
@WebMvcTest(
    properties = {
      "c360.security.api-keys.dashboard=" + ApiAuthenticationTest.DASHBOARD_KEY,
      "c360.security.api-keys.support=" + ApiAuthenticationTest.SUPPORT_KEY,
      "c360.security.api-keys.operator=" + ApiAuthenticationTest.OPERATOR_KEY,
      "c360.security.jwt.hmac-secret=" + ApiAuthenticationTest.SECRET
    })
class ApiAuthenticationTest {

  static final String DASHBOARD_KEY = "dashboard-test-key-41c7";
  static final String SUPPORT_KEY = "support-test-key-9e02";
  static final String OPERATOR_KEY = "operator-test-key-5b18";
  static final String SECRET = "api-security-test-hmac-secret-0123456789";

  @Autowired MockMvc mvc;

  @Test
  void missingCredentialsAreA401Problem() throws Exception {
    mvc.perform(get("/api/caller"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(header().string("WWW-Authenticate", "ApiKey header=\"X-API-Key\", Bearer"))
        .andExpect(jsonPath("$.type").value("https://customer360.io/problems/unauthenticated"))
        .andExpect(jsonPath("$.title").value("Unauthenticated"))
        .andExpect(jsonPath("$.status").value(401))
        .andExpect(jsonPath("$.detail").value(containsString("X-API-Key")))
        .andExpect(jsonPath("$.instance").value("/api/caller"));
  }

  @Test
  void unknownKeyIsA401ProblemThatDoesNotEchoTheKey() throws Exception {
    mvc.perform(get("/api/caller").header("X-API-Key", "guessed-key-77"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(jsonPath("$.detail").value(containsString("Unknown API key")))
        .andExpect(content().string(not(containsString("guessed-key-77"))));
  }

  @ParameterizedTest(name = "key of {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        DASHBOARD_KEY + "|dashboard|ROLE_API_CLIENT",
        SUPPORT_KEY + "|support|ROLE_API_CLIENT,SCOPE_pii:read"
      })
  void knownKeyCallsAsItsClientWithWhatThePolicyGrants(
      String key, String client, String authorities) throws Exception {
    mvc.perform(get("/api/caller").header("X-API-Key", key))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value(client))
        .andExpect(jsonPath("$.authorities", contains(authorities.split(","))));
  }

  @Test
  void thePolicysPublicPathsNeedNoCredentials() throws Exception {
    mvc.perform(get("/open/page")).andExpect(status().isOk());
  }

  @Test
  void jwtSignedWithTheSharedSecretCallsWithItsScopes() throws Exception {
    mvc.perform(get("/api/caller").header("Authorization", "Bearer " + jwt(SECRET)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("analyst"))
        .andExpect(jsonPath("$.authorities").value(hasItem("SCOPE_pii:read")))
        .andExpect(jsonPath("$.authorities").value(not(hasItem("ROLE_API_CLIENT"))));
  }

  @Test
  void jwtSignedWithAnotherSecretIsA401Problem() throws Exception {
    mvc.perform(
            get("/api/caller")
                .header(
                    "Authorization",
                    "Bearer " + jwt("another-secret-that-is-long-enough-0123456789")))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(jsonPath("$.title").value("Unauthenticated"));
  }

  @Test
  void pathTheFirewallRefusesIsA400ProblemNamingThePath() throws Exception {
    mvc.perform(get("/api/caller;jsessionid=x").header("X-API-Key", DASHBOARD_KEY))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(jsonPath("$.type").value("https://customer360.io/problems/invalid-parameter"))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.parameter").value("path"));
  }

  @Test
  void hmacSecretShorterThan32BytesIsRefused() {
    ApiSecurityProperties properties =
        new ApiSecurityProperties(
            Map.of(),
            "X-API-Key",
            new ApiSecurityProperties.Jwt("only-31-bytes-long-secret-00000", null, null),
            true);

    assertThatThrownBy(() -> new ApiAuthenticationConfiguration().hmacJwtDecoder(properties))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least 32 bytes")
        .hasMessageNotContaining("only-31");
  }

  @Test
  void springBootsOwnResourceServerSettingsAreRefused() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool");

    assertThatThrownBy(() -> ApiAuthenticationConfiguration.refuseBootJwtProperties(environment))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("c360.security.jwt.issuer-uri");
    ApiAuthenticationConfiguration.refuseBootJwtProperties(new MockEnvironment());
  }

  @Test
  void scopedRequestWithoutTheScopeIsA403ProblemNamingIt() throws Exception {
    mvc.perform(post("/api/operations").header("X-API-Key", SUPPORT_KEY))
        .andExpect(status().isForbidden())
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(
            jsonPath("$.type").value("https://customer360.io/problems/operate-scope-required"))
        .andExpect(jsonPath("$.title").value("Scope operate required"))
        .andExpect(jsonPath("$.status").value(403))
        .andExpect(jsonPath("$.scope").value("operate"))
        .andExpect(jsonPath("$.cognitoScope").value("c360/operate"))
        .andExpect(jsonPath("$.detail").value(containsString("test.operator-clients")))
        .andExpect(jsonPath("$.instance").value("/api/operations"));
    mvc.perform(post("/api/operations").header("Authorization", "Bearer " + jwt(SECRET)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.title").value("Scope operate required"));
  }

  @Test
  void scopedRequestWithTheScopeCalls() throws Exception {
    mvc.perform(post("/api/operations").header("X-API-Key", OPERATOR_KEY))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("operator"));
    mvc.perform(
            post("/api/operations")
                .header("Authorization", "Bearer " + jwt(SECRET, "c360/read c360/operate")))
        .andExpect(status().isOk());
    mvc.perform(post("/api/operations").header("Authorization", "Bearer " + jwt(SECRET, "operate")))
        .andExpect(status().isOk());
  }

  @Test
  void scopedRequestWithoutCredentialsIsStillA401() throws Exception {
    mvc.perform(post("/api/operations"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.title").value("Unauthenticated"));
  }

  @Test
  void onlyTheScopedMethodNeedsTheScope() throws Exception {
    mvc.perform(get("/api/operations").header("X-API-Key", DASHBOARD_KEY))
        .andExpect(status().isOk());
  }

  private static String jwt(String secret) {
    return jwt(secret, "pii:read");
  }

  private static String jwt(String secret, String scope) {
    JwtEncoder encoder =
        NimbusJwtEncoder.withSecretKey(
                new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
            .build();
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .subject("analyst")
            .claim("scope", scope)
            .expiresAt(Instant.now().plusSeconds(60))
            .build();
    return encoder
        .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
        .getTokenValue();
  }
}

package io.customer360.apisecurity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.customer360.apisecurity.testing.LoopbackIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test service over real HTTP, configured as in AWS: it accepts access tokens of an issuer
 * shaped like a Cognito user pool, served on loopback by {@link LoopbackIssuer} (discovery document
 * and JWK set of an RSA key made for the run), issued to app clients {@code dashboard-client} or
 * {@code support-client}; API keys keep working beside them.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "c360.security.api-keys.dashboard=" + IssuerAccessTokenIT.DASHBOARD_KEY,
      "c360.security.jwt.client-ids="
          + IssuerAccessTokenIT.DASHBOARD_CLIENT
          + ","
          + IssuerAccessTokenIT.SUPPORT_CLIENT
    })
class IssuerAccessTokenIT {

  static final String DASHBOARD_KEY = "issuer-it-dashboard-key-3c81";
  static final String DASHBOARD_CLIENT = "dashboard-client";
  static final String SUPPORT_CLIENT = "support-client";

  private static final LoopbackIssuer ISSUER = LoopbackIssuer.start();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void issuer(DynamicPropertyRegistry registry) {
    registry.add("c360.security.jwt.issuer-uri", ISSUER::issuerUri);
  }

  @AfterAll
  static void stopIssuer() {
    ISSUER.close();
  }

  @Test
  void accessTokenCallsAsItsClientWithItsScopesAsAuthorities() {
    HttpResponse<String> response =
        call("Authorization", "Bearer " + ISSUER.accessToken(SUPPORT_CLIENT, "c360/read c360/pii"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode caller = JSON.readTree(response.body());
    assertThat(caller.path("name").asString()).isEqualTo(SUPPORT_CLIENT);
    List<String> authorities =
        caller.path("authorities").valueStream().map(JsonNode::asString).toList();
    assertThat(authorities)
        .filteredOn(authority -> authority.startsWith("SCOPE_"))
        .containsExactly("SCOPE_c360/pii", "SCOPE_c360/read");
    assertThat(authorities).doesNotContain("ROLE_API_CLIENT");
    assertThat(ISSUER.keySetRequests()).isPositive();
  }

  @Test
  void keySetIsCachedAndFetchedAgainForAnUnknownKeyId() {
    call("Authorization", "Bearer " + ISSUER.accessToken(DASHBOARD_CLIENT, "c360/read"));
    int cached = ISSUER.keySetRequests();

    HttpResponse<String> again =
        call("Authorization", "Bearer " + ISSUER.accessToken(DASHBOARD_CLIENT, "c360/read"));
    int afterKnownKey = ISSUER.keySetRequests();
    call(
        "Authorization",
        "Bearer " + LoopbackIssuer.sign(claims().build(), LoopbackIssuer.newKey("rotated-key")));

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(afterKnownKey).isEqualTo(cached).isPositive();
    assertThat(ISSUER.keySetRequests()).isGreaterThan(afterKnownKey);
  }

  @Test
  void apiKeysWorkBesideTheIssuer() {
    HttpResponse<String> response = call("X-API-Key", DASHBOARD_KEY);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("name").asString()).isEqualTo("dashboard");
  }

  @Test
  void whileTheIssuerIsDownCachedKeysStillCheckTokensAndAnUnknownKeyIdIsA503() {
    String token = ISSUER.accessToken(DASHBOARD_CLIENT, "c360/read");
    String rotated = LoopbackIssuer.sign(claims().build(), LoopbackIssuer.newKey("rotated-key"));
    String forged =
        LoopbackIssuer.sign(claims().build(), LoopbackIssuer.newKey(LoopbackIssuer.KEY_ID));
    assertThat(call("Authorization", "Bearer " + token).statusCode()).isEqualTo(200);

    HttpResponse<String> unknownKeyWhileDown;
    HttpResponse<String> cachedKeyWhileDown;
    HttpResponse<String> forgedWhileDown;
    HttpResponse<String> apiKeyWhileDown;
    ISSUER.setAvailable(false);
    try {
      unknownKeyWhileDown = call("Authorization", "Bearer " + rotated);
      cachedKeyWhileDown = call("Authorization", "Bearer " + token);
      forgedWhileDown = call("Authorization", "Bearer " + forged);
      apiKeyWhileDown = call("X-API-Key", DASHBOARD_KEY);
    } finally {
      ISSUER.setAvailable(true);
    }
    HttpResponse<String> unknownKeyWhenBack = call("Authorization", "Bearer " + rotated);

    TokenIssuerOutageIT.assertIssuerUnavailable(unknownKeyWhileDown);
    assertThat(cachedKeyWhileDown.statusCode()).as(cachedKeyWhileDown.body()).isEqualTo(200);
    assertThat(forgedWhileDown.statusCode()).as(forgedWhileDown.body()).isEqualTo(401);
    assertThat(apiKeyWhileDown.statusCode()).as(apiKeyWhileDown.body()).isEqualTo(200);
    assertThat(unknownKeyWhenBack.statusCode()).as(unknownKeyWhenBack.body()).isEqualTo(401);
    assertThat(JSON.readTree(unknownKeyWhenBack.body()).path("detail").asString())
        .contains("no matching key");
  }

  @ParameterizedTest(name = "{0} -> 401")
  @MethodSource("refusedTokens")
  void refusedTokenIsA401Problem(Supplier<String> token, String reason) {
    HttpResponse<String> response = call("Authorization", "Bearer " + token.get());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("ApiKey header=\"X-API-Key\", Bearer");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("type").asString())
        .isEqualTo("https://customer360.io/problems/unauthenticated");
    assertThat(problem.path("status").asInt()).isEqualTo(401);
    assertThat(problem.path("instance").asString()).isEqualTo("/api/caller");
    assertThat(problem.path("detail").asString()).contains(reason);
  }

  static Stream<Arguments> refusedTokens() {
    return Stream.of(
        refused(
            "token of another issuer",
            () ->
                ISSUER.sign(
                    claims()
                        .issuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other")
                        .build()),
            "The iss claim is not valid"),
        refused(
            "expired token",
            () ->
                ISSUER.sign(
                    claims()
                        .issueTime(Date.from(Instant.now().minusSeconds(3900)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(300)))
                        .build()),
            "Jwt expired at"),
        refused(
            "token without expiry",
            () -> ISSUER.sign(claims().expirationTime(null).build()),
            "exp is required"),
        refused(
            "ID token of the pool",
            () -> ISSUER.sign(claims().claim("token_use", "id").build()),
            "The token_use claim is not valid"),
        refused(
            "token of an unknown app client",
            () -> ISSUER.sign(claims().claim("client_id", "someone-elses-client").build()),
            "The client_id claim is not valid"),
        refused(
            "token without client_id",
            () -> ISSUER.sign(claims().claim("client_id", null).build()),
            "The client_id claim is not valid"),
        refused(
            "token signed by another key under the served key's id",
            () ->
                LoopbackIssuer.sign(claims().build(), LoopbackIssuer.newKey(LoopbackIssuer.KEY_ID)),
            "Invalid signature"),
        refused(
            "token signed by a key the issuer does not serve",
            () -> LoopbackIssuer.sign(claims().build(), LoopbackIssuer.newKey("unknown-key")),
            "no matching key"),
        refused(
            "HS256 token when only the issuer's RS256 keys are trusted",
            () -> hs256(),
            "Another algorithm expected"));
  }

  private static Arguments refused(String name, Supplier<String> token, String reason) {
    return Arguments.of(Named.of(name, token), reason);
  }

  private static JWTClaimsSet.Builder claims() {
    return ISSUER.accessTokenClaims(DASHBOARD_CLIENT, "c360/read");
  }

  /** A token valid in every claim, but signed HS256 with a shared secret. */
  private static String hs256() {
    try {
      SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
      token.sign(
          new MACSigner(
              "a-shared-secret-of-at-least-32-bytes-0123456789".getBytes(StandardCharsets.UTF_8)));
      return token.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> call(String header, String value) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/caller"))
            .header(header, value)
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

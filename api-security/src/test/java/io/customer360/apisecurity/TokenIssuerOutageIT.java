package io.customer360.apisecurity;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.apisecurity.testing.LoopbackIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test service over real HTTP, configured for a {@link LoopbackIssuer} that is down when the
 * first bearer token comes: its discovery document cannot be read, so no token can be checked.
 * Bearer tokens get a 503 problem with {@code Retry-After} (not a 500), logged once; API keys keep
 * working; once the issuer answers again, tokens are checked again without a restart. The one test
 * here sends every bearer token of this context, so that it sees the decoder before its first
 * successful read of the issuer and can count the warnings.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "c360.security.api-keys.dashboard=" + TokenIssuerOutageIT.DASHBOARD_KEY,
      "c360.security.jwt.client-ids=" + TokenIssuerOutageIT.DASHBOARD_CLIENT
    })
@ExtendWith(OutputCaptureExtension.class)
class TokenIssuerOutageIT {

  static final String DASHBOARD_KEY = "outage-it-dashboard-key-5d20";
  static final String DASHBOARD_CLIENT = "dashboard-client";

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
  void bearerTokensAreA503WhileTheIssuerIsDownAndAreCheckedAgainOnceItIsBack(
      CapturedOutput output) {
    String token = ISSUER.accessToken(DASHBOARD_CLIENT, "c360/read");
    ISSUER.setAvailable(false);

    for (int i = 0; i < 3; i++) {
      assertIssuerUnavailable(call("Authorization", "Bearer " + token));
    }
    HttpResponse<String> byKey = call("X-API-Key", DASHBOARD_KEY);
    HttpResponse<String> noCredentials = call("Accept", "application/json");

    assertThat(byKey.statusCode()).as(byKey.body()).isEqualTo(200);
    assertThat(JSON.readTree(byKey.body()).path("name").asString()).isEqualTo("dashboard");
    assertThat(noCredentials.statusCode()).isEqualTo(401);
    assertThat(
            output
                .getAll()
                .lines()
                .filter(line -> line.contains(" WARN ") && line.contains("cannot be reached")))
        .singleElement()
        .satisfies(line -> assertThat(line).contains(ISSUER.issuerUri(), "503"));
    assertThat(output.getAll())
        .doesNotContain(token.split("\\.")[1])
        .doesNotContain(token.split("\\.")[2])
        .doesNotContain("\tat ");

    ISSUER.setAvailable(true);
    HttpResponse<String> back = call("Authorization", "Bearer " + token);
    HttpResponse<String> forged =
        call(
            "Authorization",
            "Bearer "
                + LoopbackIssuer.sign(
                    ISSUER.accessTokenClaims(DASHBOARD_CLIENT, "c360/read").build(),
                    LoopbackIssuer.newKey(LoopbackIssuer.KEY_ID)));

    assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
    assertThat(JSON.readTree(back.body()).path("name").asString()).isEqualTo(DASHBOARD_CLIENT);
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(401);
    assertThat(JSON.readTree(forged.body()).path("detail").asString())
        .contains("Invalid signature");
    assertThat(output.getAll()).contains("checked again");
  }

  /** The 503 problem of a bearer token that cannot be checked now. */
  static void assertIssuerUnavailable(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
    assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("type").asString())
        .isEqualTo("https://customer360.io/problems/token-issuer-unavailable");
    assertThat(problem.path("title").asString()).isEqualTo("Token issuer unavailable");
    assertThat(problem.path("status").asInt()).isEqualTo(503);
    assertThat(problem.path("instance").asString()).isEqualTo("/api/caller");
    assertThat(problem.path("detail").asString()).contains("API key");
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

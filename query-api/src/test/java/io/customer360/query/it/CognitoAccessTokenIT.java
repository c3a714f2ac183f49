package io.customer360.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.SignedJWT;
import io.customer360.apisecurity.testing.LoopbackIssuer;
import io.customer360.query.testdata.DatagenOutput;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * query-api configured as in AWS, over the loaded warehouse: it accepts the access tokens of a
 * Cognito-shaped user pool ({@link LoopbackIssuer} on loopback) issued to the deployment's two app
 * clients, and no HS256 tokens. The PII scope of those tokens is {@code c360/pii}, as {@code
 * infra/aws} names it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "c360.security.api-keys.dashboard=" + LoadedWarehouseSupport.DASHBOARD_KEY,
      "c360.security.jwt.client-ids="
          + CognitoAccessTokenIT.DASHBOARD_CLIENT
          + ","
          + CognitoAccessTokenIT.SUPPORT_CLIENT,
      "c360.query-api.rate-limit.requests-per-second=100000",
      "c360.query-api.rate-limit.burst=100000"
    })
class CognitoAccessTokenIT extends LoadedWarehouseSupport {

  static final String DASHBOARD_CLIENT = "7dashboardclient";
  static final String SUPPORT_CLIENT = "3supportclient";

  private static final LoopbackIssuer ISSUER = LoopbackIssuer.start();

  @DynamicPropertySource
  static void cognitoIssuer(DynamicPropertyRegistry registry) {
    registry.add("c360.security.jwt.issuer-uri", ISSUER::issuerUri);
  }

  @AfterAll
  static void stopIssuer() {
    ISSUER.close();
  }

  @Test
  void profileShowsPersonalIdentifiersOnlyToTokensWithThePiiScope() {
    DatagenOutput.Customer customer = warehouse.data().customers.values().iterator().next();
    String path = "/api/v1/customers/" + customer.id();

    HttpResponse<String> support =
        send(path, "Authorization", bearer(SUPPORT_CLIENT, "c360/read c360/pii"));
    HttpResponse<String> dashboard =
        send(path, "Authorization", bearer(DASHBOARD_CLIENT, "c360/read"));

    assertThat(support.statusCode()).as(support.body()).isEqualTo(200);
    JsonNode withPii = JSON.readTree(support.body());
    assertThat(withPii.path("customerId").asString()).isEqualTo(customer.id());
    assertThat(withPii.path("personal").path("zip").asString()).isEqualTo(customer.zip());
    assertThat(withPii.path("personal").path("city").asString()).isEqualTo(customer.city());
    assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(200);
    JsonNode withoutPii = JSON.readTree(dashboard.body());
    assertThat(withoutPii.path("customerId").asString()).isEqualTo(customer.id());
    assertThat(withoutPii.has("personal")).isFalse();
    assertThat(withoutPii.toString()).doesNotContain(customer.zip()).doesNotContain("tok_");
  }

  @Test
  void localScopeNameInAnHs256TokenIsRefused() throws Exception {
    SignedJWT token =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            ISSUER.accessTokenClaims(SUPPORT_CLIENT, "pii:read").build());
    token.sign(new MACSigner(JWT_SECRET.getBytes(StandardCharsets.UTF_8)));

    HttpResponse<String> response =
        send("/api/v1/meta", "Authorization", "Bearer " + token.serialize());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void tokenOfAnotherAppClientIsRefused() {
    HttpResponse<String> response =
        send("/api/v1/meta", "Authorization", bearer("someone-elses-client", "c360/read"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(response.body()).path("detail").asString()).contains("client_id");
  }

  private static String bearer(String clientId, String scope) {
    return "Bearer " + ISSUER.accessToken(clientId, scope);
  }
}

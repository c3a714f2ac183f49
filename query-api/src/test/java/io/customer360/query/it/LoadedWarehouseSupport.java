package io.customer360.query.it;

import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatformExtension;
import io.customer360.query.testdata.Expected;
import io.customer360.query.testdata.TestWarehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running API over the loaded test warehouse, connected as the read-only role, with two API
 * clients ({@code dashboard}, and {@code support} with the PII scope) and HS256 JWTs. Every IT
 * class extending it shares one Spring context and one warehouse per JVM.
 */
@ExtendWith(LocalPlatformExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "c360.security.api-keys.dashboard=" + LoadedWarehouseSupport.DASHBOARD_KEY,
      "c360.security.api-keys.support=" + LoadedWarehouseSupport.SUPPORT_KEY,
      "c360.security.pii-clients=support",
      "c360.security.jwt.hmac-secret=" + LoadedWarehouseSupport.JWT_SECRET,
      "c360.query-api.rate-limit.requests-per-second=100000",
      "c360.query-api.rate-limit.burst=100000"
    })
abstract class LoadedWarehouseSupport {

  static final String DASHBOARD_KEY = "it-dashboard-key-5b1f0c2e";
  static final String SUPPORT_KEY = "it-support-key-9d7a44e1";
  static final String JWT_SECRET = "it-jwt-hmac-secret-of-at-least-32-bytes-0123456789";

  static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static TestWarehouse warehouse;
  static Expected expected;

  @LocalServerPort int port;

  @BeforeAll
  static void loadWarehouse(LocalEndpoints endpoints) {
    warehouse = TestWarehouse.load(endpoints);
    expected = new Expected(warehouse);
  }

  @DynamicPropertySource
  static void connectAsReader(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.username", () -> TestWarehouse.READER);
  }

  /** GETs {@code pathAndQuery} as the dashboard client and expects 200. */
  JsonNode get(String pathAndQuery) {
    HttpResponse<String> response = send(pathAndQuery, "X-API-Key", DASHBOARD_KEY);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "GET " + pathAndQuery + " -> " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** GETs {@code pathAndQuery} with one header (or none when {@code header} is null). */
  HttpResponse<String> send(String pathAndQuery, String header, String value) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
    if (header != null) {
      request.header(header, value);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package io.customer360.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application starts without a warehouse (connections are made lazily); the warehouse
 * health indicator is off here because no database runs in unit tests (QueryApiIT checks health
 * with one).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "management.health.db.enabled=false")
class QueryApiApplicationTests {

  @Value("${local.server.port}")
  int port;

  @Autowired QueryApiProperties properties;

  @Test
  void healthEndpointReportsUp() throws Exception {
    HttpResponse<String> response = get("/actuator/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void dashboardPageAndChartLibraryAreServedFromTheJar() throws Exception {
    HttpResponse<String> root = get("/");
    HttpResponse<String> page = get("/dashboard/index.html");
    HttpResponse<String> chart = get("/webjars/chart.js/dist/chart.umd.js");

    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard/index.html"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/webjars/chart.js/dist/chart.umd.js").doesNotContain("cdn");
    assertThat(chart.statusCode()).isEqualTo(200);
    assertThat(chart.body()).contains("Chart.js v4");
  }

  @Test
  void apiNeedsCredentialsWhenNoneAreConfigured() throws Exception {
    assertThat(get("/api/v1/meta").statusCode()).isEqualTo(401);
  }

  @Test
  void bindsConfigurationDefaults() {
    assertThat(properties.defaultPageSize()).isEqualTo(50);
    assertThat(properties.maxPageSize()).isEqualTo(500);
    assertThat(properties.queryTimeout()).hasSeconds(10);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}

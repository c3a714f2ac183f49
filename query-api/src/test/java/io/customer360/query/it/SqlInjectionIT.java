package io.customer360.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.infra.local.LocalEndpoints;
import io.customer360.query.testdata.TestWarehouse;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Sends SQL-injection strings in every parameter of every endpoint, as the OpenAPI document lists
 * them (so a parameter added later is covered too). Each answer must be a 400 naming that parameter
 * or an ordinary answer (200, or 404 for a path that names nothing); never a 500. Afterwards the
 * warehouse must be intact.
 */
class SqlInjectionIT extends LoadedWarehouseSupport {

  static final List<String> PAYLOADS =
      List.of(
          "' OR '1'='1",
          "1; DROP TABLE warehouse.dim_date; --",
          "garden' UNION SELECT customer_id, email_hash FROM analytics.customers --",
          "revenue DESC; DELETE FROM warehouse.fact_order_line; --",
          "1) OR (1=1",
          "2026-01-01'); DROP TABLE warehouse.fact_order_line; --",
          "\\'; SELECT pg_sleep(5); --",
          "${jndi:ldap://127.0.0.1/x}");

  static final Map<String, String> VALID_PATH_VALUES =
      Map.of("customerId", "C0000001", "campaignId", "CMP001", "segment", "champions");

  @Test
  void everyParameterRejectsOrIgnoresInjectedSql(LocalEndpoints endpoints) {
    JdbcTemplate admin = TestWarehouse.admin(endpoints);
    long linesBefore = count(admin, "warehouse.fact_order_line");
    JsonNode paths = JSON.readTree(send("/v3/api-docs", null, null).body()).path("paths");
    List<String> checked = new ArrayList<>();

    for (var path : paths.properties()) {
      JsonNode parameters = path.getValue().path("get").path("parameters");
      for (JsonNode parameter : parameters) {
        String name = parameter.path("name").asString();
        boolean inPath = parameter.path("in").asString().equals("path");
        for (String payload : PAYLOADS) {
          String url = url(path.getKey(), name, inPath, payload);
          HttpResponse<String> response = send(url, "X-API-Key", DASHBOARD_KEY);
          assertThat(response.statusCode()).as(url).isIn(200, 400, 404);
          // Tomcat itself refuses an encoded slash or backslash in a path, before any code of ours.
          boolean containerRejects = inPath && (payload.contains("/") || payload.contains("\\"));
          if (response.statusCode() == 400 && !containerRejects) {
            // The security firewall refuses a ';' in a path before routing, naming the path.
            assertThat(JSON.readTree(response.body()).path("parameter").asString())
                .as(url)
                .isIn(name, inPath ? "path" : name);
          }
        }
        checked.add(path.getKey() + "?" + name);
      }
    }

    assertThat(checked).hasSizeGreaterThan(100);
    assertThat(checked)
        .contains(
            "/api/v1/sales/by-zip?sort",
            "/api/v1/order-lines?couponCode",
            "/api/v1/customers/{customerId}?customerId",
            "/api/v1/purchases/per-minute?until");
    assertThat(count(admin, "warehouse.fact_order_line")).isEqualTo(linesBefore).isPositive();
    assertThat(count(admin, "warehouse.dim_date")).isPositive();
  }

  @Test
  void aValueThatPassesValidationIsBoundNotExecuted() {
    // Both pass the shape checks; concatenated into SQL they would comment out the rest of it.
    JsonNode coupon =
        get("/api/v1/order-lines?from=2025-01-01&to=2025-12-31&couponCode=SAVE20--01");
    JsonNode category = get("/api/v1/sales/by-zip?from=2025-01-01&to=2025-12-31&category=garden--");

    assertThat(coupon.path("totalItems").asLong()).isZero();
    assertThat(category.path("rows").path("totalItems").asLong()).isZero();
  }

  private static String url(String template, String name, boolean inPath, String payload) {
    String encoded = URLEncoder.encode(payload, StandardCharsets.UTF_8).replace("+", "%20");
    String path = template;
    for (var e : VALID_PATH_VALUES.entrySet()) {
      String value = inPath && e.getKey().equals(name) ? encoded : e.getValue();
      path = path.replace("{" + e.getKey() + "}", value);
    }
    return inPath ? path : path + "?" + name + "=" + encoded;
  }

  private static long count(JdbcTemplate jdbc, String table) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    return n == null ? 0 : n;
  }
}

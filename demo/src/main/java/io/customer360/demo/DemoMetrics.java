package io.customer360.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The acceptance check of the platform's metrics after a demo cycle: each service's {@code
 * /actuator/prometheus} must expose the meters its README names (issue 10). Failure counters, which
 * appear only with a failure, are not expected.
 */
final class DemoMetrics {

  /** Prometheus names each service must export after one cycle. */
  static final Map<String, List<String>> EXPECTED = expected();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static Map<String, List<String>> expected() {
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put(
        "ingestion-service",
        List.of(
            "c360_ingestion_records_in_total",
            "c360_ingestion_bytes_in_total",
            "c360_ingestion_files_written_total",
            "c360_ingestion_write_latency_seconds_count",
            "c360_ingestion_kcl_millis_behind_latest"));
    expected.put(
        "transform-service",
        List.of(
            "c360_transform_records_in_total",
            "c360_transform_records_out_total",
            "c360_transform_records_quarantined_total",
            "c360_transform_partitions_written_total",
            "c360_transform_batch_latency_seconds_count"));
    expected.put(
        "warehouse-loader",
        List.of(
            "c360_loader_rows_total",
            "c360_loader_load_duration_seconds_count",
            "c360_loader_freshness_seconds_count"));
    expected.put("query-api", List.of("c360_api_requests_seconds_count"));
    expected.put(
        "ml-scoring-service",
        List.of(
            "c360_ml_model_auc",
            "c360_ml_score_count",
            "c360_ml_model_load_failures_total",
            "c360_api_requests_seconds_count"));
    return Map.copyOf(expected);
  }

  /**
   * The expected meters each service does not expose, by service; empty when all are there.
   *
   * @param ports each service's port
   * @param apiKey sent as {@code X-API-Key} (the API services protect their actuator)
   */
  Map<String, List<String>> missing(Map<String, Integer> ports, String apiKey) {
    Map<String, List<String>> missing = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> service : EXPECTED.entrySet()) {
      String body = scrape(ports.get(service.getKey()), apiKey);
      List<String> absent = absent(body, service.getValue());
      if (!absent.isEmpty()) {
        missing.put(service.getKey(), absent);
      }
    }
    return missing;
  }

  /** The names with no sample line in a Prometheus text exposition. */
  static List<String> absent(String exposition, List<String> names) {
    List<String> absent = new ArrayList<>();
    for (String name : names) {
      boolean present =
          exposition
              .lines()
              .anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
      if (!present) {
        absent.add(name);
      }
    }
    return absent;
  }

  private String scrape(int port, String apiKey) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
            .header("X-API-Key", apiKey)
            .timeout(Duration.ofSeconds(10))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading metrics", e);
    }
  }
}

package io.customer360.demo;

import io.customer360.infra.local.LocalEndpoints;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The five services of the platform, each started from its executable jar as its own process,
 * pointed at the local platform. warehouse-loader starts first: its Flyway migrations create the
 * schema the readers need.
 */
final class DemoServices implements AutoCloseable {

  /** A service: module folder, jar name, port offset from the base port, heap. */
  record Service(String name, String module, int port, String heap) {
    Path jar(Path repo) {
      return repo.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT-exec.jar");
    }
  }

  static final List<Service> FIRST =
      List.of(
          new Service("warehouse-loader", "warehouse-loader", 8083, "256m"),
          new Service("ingestion-service", "ingestion-service", 8081, "384m"),
          new Service("transform-service", "transform-service", 8082, "384m"));

  static final List<Service> THEN =
      List.of(
          new Service("query-api", "query-api", 8080, "256m"),
          new Service("ml-scoring-service", "ml-scoring-service", 8084, "384m"));

  /** The churn label horizon of the demo, in days (30 in production). */
  static final String DEMO_CHURN_HORIZON_DAYS = "1";

  private final List<ServiceProcess> running = new ArrayList<>();

  /** Where the services write their logs, one file each, under the demo's scratch folder. */
  static Path logDir(Path scratch) {
    return scratch.resolve("logs");
  }

  /** Starts every service and waits until all are healthy. */
  void start(
      Path repo,
      LocalEndpoints endpoints,
      DemoSecrets secrets,
      Map<String, Integer> ports,
      Path scratch) {
    Path logDir = logDir(scratch);
    for (List<Service> wave : List.of(FIRST, THEN)) {
      List<ServiceProcess> started = new ArrayList<>();
      for (Service service : wave) {
        ServiceProcess process =
            ServiceProcess.start(
                service.name(),
                service.jar(repo),
                ports.get(service.name()),
                service.heap(),
                properties(service, endpoints, scratch),
                secrets.environment(),
                logDir);
        running.add(process);
        started.add(process);
      }
      for (ServiceProcess process : started) {
        process.awaitHealthy(Duration.ofMinutes(4));
        System.out.printf(
            "  %-20s up on port %d (log %s)%n", process.name(), process.port(), process.log());
      }
    }
  }

  List<ServiceProcess> running() {
    return List.copyOf(running);
  }

  private static Map<String, String> properties(
      Service service, LocalEndpoints endpoints, Path scratch) {
    Map<String, String> props = new LinkedHashMap<>(endpoints.springProperties());
    switch (service.name()) {
      case "ingestion-service" -> {
        props.put("c360.ingestion.landing.rescan-interval", "10s");
        props.put("c360.ingestion.stream.rotation.max-age", "10s");
      }
      case "transform-service" -> {
        props.put("c360.transform.duckdb.memory-limit", "512MB");
        props.put("c360.transform.work-dir", scratch.resolve("work/transform").toString());
        props.put("c360.transform.gold.parameters.churn_horizon_days", DEMO_CHURN_HORIZON_DAYS);
      }
      case "ml-scoring-service" -> {
        // A demo has days of history, not months: churn means no activity the next day, so
        // labels (and a first model) exist within minutes.
        props.put("c360.ml-scoring.training.label-horizon-days", DEMO_CHURN_HORIZON_DAYS);
        props.put("c360.ml-scoring.training.validation-days", "1");
        props.put("c360.ml-scoring.training.bootstrap-interval", "15s");
        props.put("c360.ml-scoring.scores.refresh-interval", "30s");
        props.put("c360.ml-scoring.serving.reload-interval", "10s");
        // The demo API client may also run batch scoring, training, import and cross-validation.
        props.put("c360.security.operator-clients", "demo");
      }
      default -> {}
    }
    return props;
  }

  /** Stops the services, last started first. */
  @Override
  public void close() {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
  }

  static Map<String, Integer> fixedPorts() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (List<Service> wave : List.of(FIRST, THEN)) {
      wave.forEach(s -> ports.put(s.name(), s.port()));
    }
    return ports;
  }
}

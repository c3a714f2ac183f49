package io.customer360.infra.aws;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import software.constructs.Node;

/**
 * What varies between deployments, read from CDK context ({@code cdk synth -c key=value} or {@code
 * cdk.json}). Every value has a default that suits a first deployment.
 *
 * @param repositoryRoot the repository checkout the service images are built from
 * @param alarmEmail address subscribed to the alarm topic, or empty for none
 * @param metricsNamespace CloudWatch namespace the services publish their Micrometer meters to
 * @param kclLagThresholdMillis alarm when any shard is further behind than this
 * @param quarantineRateThreshold alarm when a dataset's quarantined share of records exceeds this
 * @param freshnessThresholdSeconds alarm when loaded data is older than this, event time to
 *     warehouse
 * @param freshnessModels the gold models whose freshness is alarmed on: those fed by streams
 * @param apiLatencyP99ThresholdMillis alarm when the API's p99 latency exceeds this
 * @param api5xxThreshold alarm when the API answers more than this many 5xx in five minutes
 * @param apiRateLimit steady-state requests per second the API accepts
 * @param apiBurstLimit burst of requests the API accepts
 */
public record DeploymentSettings(
    Path repositoryRoot,
    Optional<String> alarmEmail,
    String metricsNamespace,
    int kclLagThresholdMillis,
    double quarantineRateThreshold,
    int freshnessThresholdSeconds,
    List<String> freshnessModels,
    int apiLatencyP99ThresholdMillis,
    int api5xxThreshold,
    int apiRateLimit,
    int apiBurstLimit) {

  /** Default namespace of the services' metrics in CloudWatch. */
  public static final String DEFAULT_METRICS_NAMESPACE = "Customer360";

  /** Default models alarmed on for freshness: those built from the clickstream. */
  public static final String DEFAULT_FRESHNESS_MODELS = "purchases_per_minute,web_sessions";

  public DeploymentSettings {
    freshnessModels = List.copyOf(freshnessModels);
    if (quarantineRateThreshold <= 0 || quarantineRateThreshold >= 1) {
      throw new IllegalArgumentException(
          "quarantineRateThreshold must be a fraction in (0, 1), got " + quarantineRateThreshold);
    }
    if (apiBurstLimit < apiRateLimit) {
      throw new IllegalArgumentException(
          "apiBurstLimit ("
              + apiBurstLimit
              + ") must be at least apiRateLimit ("
              + apiRateLimit
              + ")");
    }
  }

  /**
   * Reads the settings from the app's context. {@code repositoryRoot} defaults to two levels up
   * from the working directory, which is the repository root when {@code cdk} runs in {@code
   * infra/aws}.
   */
  public static DeploymentSettings fromContext(Node node) {
    return new DeploymentSettings(
        Path.of(string(node, "repositoryRoot", "../..")).toAbsolutePath().normalize(),
        Optional.ofNullable((String) node.tryGetContext("alarmEmail")).filter(s -> !s.isBlank()),
        string(node, "metricsNamespace", DEFAULT_METRICS_NAMESPACE),
        integer(node, "kclLagThresholdMillis", 60_000),
        Double.parseDouble(string(node, "quarantineRateThreshold", "0.05")),
        integer(node, "freshnessThresholdSeconds", 900),
        Arrays.stream(string(node, "freshnessModels", DEFAULT_FRESHNESS_MODELS).split(","))
            .map(String::trim)
            .filter(model -> !model.isEmpty())
            .toList(),
        integer(node, "apiLatencyP99ThresholdMillis", 2_000),
        integer(node, "api5xxThreshold", 5),
        integer(node, "apiRateLimit", 100),
        integer(node, "apiBurstLimit", 200));
  }

  private static String string(Node node, String key, String fallback) {
    Object value = node.tryGetContext(key);
    return value == null ? fallback : value.toString();
  }

  private static int integer(Node node, String key, int fallback) {
    Object value = node.tryGetContext(key);
    if (value == null) {
      return fallback;
    }
    try {
      return value instanceof Number number
          ? number.intValue()
          : Integer.parseInt(value.toString());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "CDK context '" + key + "' must be a whole number, got '" + value + "'", e);
    }
  }
}

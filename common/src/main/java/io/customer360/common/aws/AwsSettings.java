package io.customer360.common.aws;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How every service reaches AWS, bound from {@code c360.aws.*}. In AWS leave the endpoints and keys
 * unset: the SDK's default region and credential chains apply (ECS task role). Locally the launcher
 * points each endpoint at its emulator. Keys come from the environment, never the repo.
 *
 * @param region AWS region
 * @param accessKeyId static access key id, or unset for the default credential chain
 * @param secretAccessKey static secret key, or unset for the default credential chain
 * @param endpoints per-service endpoint overrides (emulators), each unset for the real service
 * @param pathStyleAccess S3 path-style addressing, which emulators need
 */
@ConfigurationProperties("c360.aws")
public record AwsSettings(
    @DefaultValue("us-east-1") String region,
    String accessKeyId,
    String secretAccessKey,
    @DefaultValue Endpoints endpoints,
    @DefaultValue("false") boolean pathStyleAccess) {

  /**
   * Settings for command-line tools outside Spring: {@code c360.aws.*} system properties, else
   * {@code C360_AWS_*} environment variables ({@code C360_AWS_ENDPOINTS_S3}, …); unset keys use the
   * SDK defaults.
   */
  public static AwsSettings fromSystem() {
    return new AwsSettings(
        setting("region", "us-east-1"),
        setting("access-key-id", null),
        setting("secret-access-key", null),
        new Endpoints(
            uri("endpoints.s3"),
            uri("endpoints.sqs"),
            uri("endpoints.kinesis"),
            uri("endpoints.dynamodb"),
            null),
        Boolean.parseBoolean(setting("path-style-access", "false")));
  }

  private static java.net.URI uri(String key) {
    String value = setting(key, null);
    return value == null || value.isBlank() ? null : java.net.URI.create(value);
  }

  private static String setting(String key, String fallback) {
    String property = System.getProperty("c360.aws." + key);
    if (property != null) {
      return property;
    }
    String env =
        System.getenv(
            "C360_AWS_"
                + key.replace('.', '_').replace('-', '_').toUpperCase(java.util.Locale.ROOT));
    return env != null ? env : fallback;
  }

  /**
   * Endpoint overrides; an unset one means the real regional endpoint.
   *
   * @param s3 S3 (S3Proxy locally)
   * @param sqs SQS (ElasticMQ locally)
   * @param kinesis Kinesis (kinesis-mock locally, plain HTTP)
   * @param dynamodb DynamoDB (DynamoDB Local), used for KCL leases
   * @param cloudwatch CloudWatch, used for KCL metrics where enabled
   */
  public record Endpoints(URI s3, URI sqs, URI kinesis, URI dynamodb, URI cloudwatch) {}

  /** Whether static keys were configured. */
  public boolean hasStaticCredentials() {
    return accessKeyId != null
        && !accessKeyId.isBlank()
        && secretAccessKey != null
        && !secretAccessKey.isBlank();
  }

  @Override
  public String toString() {
    return "AwsSettings[region="
        + region
        + ", staticCredentials="
        + hasStaticCredentials()
        + ", endpoints="
        + endpoints
        + ", pathStyleAccess="
        + pathStyleAccess
        + "]";
  }
}

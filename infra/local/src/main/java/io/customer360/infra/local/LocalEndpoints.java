package io.customer360.infra.local;

import io.customer360.common.aws.AwsSettings;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the running local platform listens, and the credentials it accepts.
 *
 * @param s3 S3Proxy endpoint
 * @param sqs ElasticMQ endpoint
 * @param dynamodb DynamoDB Local endpoint
 * @param kinesis kinesis-mock plain-HTTP endpoint
 * @param jdbcUrl the warehouse database
 * @param jdbcUser warehouse superuser (loopback-only trust authentication)
 * @param region AWS region
 * @param accessKeyId accepted access key
 * @param secretAccessKey accepted secret key
 * @param queueUrls URL of every queue and dead-letter queue, by name
 */
public record LocalEndpoints(
    URI s3,
    URI sqs,
    URI dynamodb,
    URI kinesis,
    String jdbcUrl,
    String jdbcUser,
    String region,
    String accessKeyId,
    String secretAccessKey,
    Map<String, String> queueUrls) {

  public LocalEndpoints {
    queueUrls = Map.copyOf(queueUrls);
  }

  /** AWS client settings pointing at the emulators. */
  public AwsSettings awsSettings() {
    return new AwsSettings(
        region,
        accessKeyId,
        secretAccessKey,
        // KCL metrics are off locally; CloudWatch has no emulator, so point it nowhere useful.
        new AwsSettings.Endpoints(s3, sqs, kinesis, dynamodb, URI.create("http://127.0.0.1:1")),
        true);
  }

  /**
   * Spring properties that point a service at this platform: {@code c360.aws.*} for our clients,
   * {@code spring.cloud.aws.*} for Spring Cloud AWS, {@code spring.datasource.*} for JDBC.
   */
  public Map<String, String> springProperties() {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("c360.aws.region", region);
    props.put("c360.aws.access-key-id", accessKeyId);
    props.put("c360.aws.secret-access-key", secretAccessKey);
    props.put("c360.aws.path-style-access", "true");
    props.put("c360.aws.endpoints.s3", s3.toString());
    props.put("c360.aws.endpoints.sqs", sqs.toString());
    props.put("c360.aws.endpoints.kinesis", kinesis.toString());
    props.put("c360.aws.endpoints.dynamodb", dynamodb.toString());
    props.put("spring.cloud.aws.region.static", region);
    props.put("spring.cloud.aws.credentials.access-key", accessKeyId);
    props.put("spring.cloud.aws.credentials.secret-key", secretAccessKey);
    props.put("spring.cloud.aws.s3.endpoint", s3.toString());
    props.put("spring.cloud.aws.s3.path-style-access-enabled", "true");
    props.put("spring.cloud.aws.sqs.endpoint", sqs.toString());
    props.put("spring.datasource.url", jdbcUrl);
    props.put("spring.datasource.username", jdbcUser);
    return props;
  }
}

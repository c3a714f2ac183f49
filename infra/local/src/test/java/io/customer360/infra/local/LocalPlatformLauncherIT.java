package io.customer360.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.AwsSettings;
import io.customer360.common.aws.PlatformResources;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The launcher as a user runs it: a separate JVM, every endpoint answering, nothing left behind.
 */
class LocalPlatformLauncherIT {

  private final List<String> output = new CopyOnWriteArrayList<>();

  @Test
  void launcherServesEveryEndpointAndStopsWithoutOrphans() throws Exception {
    Process launcher = startLauncher();
    try {
      Map<String, String> endpoints = awaitReady(launcher);
      AwsSettings settings = settings(endpoints);
      List<ProcessHandle> children = childProcesses(launcher, endpoints.get("jdbc"));

      assertS3(settings);
      assertSqs(settings);
      assertDynamoDb(settings);
      assertKinesis(settings);
      assertWarehouse(endpoints.get("jdbc"));
      assertThat(children)
          .extracting(p -> Path.of(p.info().command().orElse("?")).getFileName().toString())
          .contains("node", "postgres");

      // Ctrl-C (SIGINT) and SIGTERM run the same JVM shutdown hooks.
      launcher.destroy();
      assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as("launcher exits").isTrue();
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(() -> assertThat(children).noneMatch(ProcessHandle::isAlive));
    } finally {
      launcher.descendants().forEach(ProcessHandle::destroyForcibly);
      launcher.destroyForcibly();
    }
  }

  private Process startLauncher() throws Exception {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-Xmx512m",
                "-cp",
                classpath,
                LocalPlatformLauncher.class.getName(),
                "--transient",
                "--free-ports")
            .redirectErrorStream(true)
            .start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
              } catch (Exception e) {
                output.add("reader stopped: " + e);
              }
            },
            "launcher-output");
    reader.setDaemon(true);
    reader.start();
    return process;
  }

  private Map<String, String> awaitReady(Process launcher) {
    await()
        .atMost(Duration.ofSeconds(180))
        .failFast("launcher exited: " + output, () -> !launcher.isAlive())
        .until(() -> readyLine() != null);
    Map<String, String> endpoints = new HashMap<>();
    for (String part :
        readyLine().substring(LocalPlatformLauncher.READY_MARKER.length()).trim().split(" ")) {
      int eq = part.indexOf('=');
      endpoints.put(part.substring(0, eq), part.substring(eq + 1));
    }
    return endpoints;
  }

  private String readyLine() {
    return output.stream()
        .filter(line -> line.startsWith(LocalPlatformLauncher.READY_MARKER))
        .findFirst()
        .orElse(null);
  }

  private static AwsSettings settings(Map<String, String> endpoints) {
    return new AwsSettings(
        "us-east-1",
        "local",
        "local-secret",
        new AwsSettings.Endpoints(
            URI.create(endpoints.get("s3")),
            URI.create(endpoints.get("sqs")),
            URI.create(endpoints.get("kinesis")),
            URI.create(endpoints.get("dynamodb")),
            null),
        true);
  }

  /** The launcher's child processes, plus the PostgreSQL server that pg_ctl detached from it. */
  private static List<ProcessHandle> childProcesses(Process launcher, String jdbcUrl) {
    String port = jdbcUrl.replaceAll(".*:(\\d+)/.*", "$1");
    List<ProcessHandle> children = new ArrayList<>(launcher.descendants().toList());
    ProcessHandle.allProcesses()
        .filter(p -> p.info().command().orElse("").endsWith("/postgres"))
        .filter(p -> List.of(p.info().arguments().orElse(new String[0])).contains(port))
        .forEach(
            postmaster -> {
              children.add(postmaster);
              children.addAll(postmaster.descendants().toList());
            });
    return children;
  }

  private static void assertS3(AwsSettings settings) {
    try (S3Client s3 = new AwsClientFactory(settings).s3()) {
      assertThat(s3.listBuckets().buckets())
          .extracting(Bucket::name)
          .contains(PlatformResources.LAKE_BUCKET);
    }
  }

  private static void assertSqs(AwsSettings settings) {
    try (SqsClient sqs = new AwsClientFactory(settings).sqs()) {
      List<String> urls = sqs.listQueues().queueUrls();
      for (String queue : PlatformResources.queues()) {
        assertThat(urls).anyMatch(url -> url.endsWith("/" + queue));
        assertThat(urls)
            .anyMatch(url -> url.endsWith("/" + PlatformResources.deadLetterQueue(queue)));
      }
    }
  }

  private static void assertDynamoDb(AwsSettings settings) {
    try (DynamoDbClient dynamo = new AwsClientFactory(settings).dynamoDb()) {
      assertThat(dynamo.listTables().sdkHttpResponse().isSuccessful()).isTrue();
    }
  }

  private static void assertKinesis(AwsSettings settings) {
    try (KinesisClient kinesis = new AwsClientFactory(settings).kinesis()) {
      assertThat(kinesis.listStreams().streamNames()).containsAll(PlatformResources.streams());
    }
  }

  private static void assertWarehouse(String jdbcUrl) throws Exception {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
        ResultSet rs = connection.createStatement().executeQuery("SELECT current_database()")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("warehouse");
    }
  }
}

package io.customer360.demo;

import io.customer360.common.aws.PlatformResources;
import io.customer360.common.contract.ContractRegistry;
import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.SourceChannel;
import io.customer360.common.lake.LakePath;
import io.customer360.infra.local.LocalEndpoints;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Everything a user of the running demo needs to reach it: printed once the first cycle is in, and
 * written to {@code <data-dir>/running.properties} (deleted on stop) for {@code bin/land-file.sh}.
 * Every printed line is {@code label: value}, so a test can read each item back and try it.
 *
 * @param endpoints the local platform
 * @param apiKey the demo client's API key
 * @param queryApi query-api's port
 * @param scoring ml-scoring-service's port
 * @param logs the folder of the services' log files
 * @param pid the launcher's process id
 */
record WhereToLook(
    LocalEndpoints endpoints, String apiKey, int queryApi, int scoring, Path logs, long pid) {

  /** The file {@code bin/land-file.sh} reads. */
  static final String RUNNING_FILE = "running.properties";

  /** Landing prefix of every dataset that arrives as files, by dataset name. */
  static Map<String, String> landingPrefixes() {
    Map<String, String> prefixes = new LinkedHashMap<>();
    ContractRegistry.loadDefault().all().stream()
        .filter(c -> c.source().channel() == SourceChannel.LANDING)
        .sorted(Comparator.comparing(DatasetContract::name))
        .forEach(c -> prefixes.put(c.name(), LakePath.landing(c.source().name(), "x").key()));
    prefixes.replaceAll((name, key) -> key.substring(0, key.length() - 1));
    return prefixes;
  }

  String queryApiUrl() {
    return "http://127.0.0.1:" + queryApi;
  }

  String scoringUrl() {
    return "http://127.0.0.1:" + scoring;
  }

  /** Prints the block, one {@code label: value} per line. */
  void print(PrintStream out) {
    String bucket = PlatformResources.LAKE_BUCKET;
    out.println("Customer 360 is running. Where to look:");
    item(out, "Dashboard", queryApiUrl() + "/dashboard/index.html");
    item(out, "API key", apiKey + "   (header X-API-Key; the dashboard asks for it)");
    item(out, "query-api Swagger UI", queryApiUrl() + "/swagger-ui.html");
    item(out, "ml-scoring Swagger UI", scoringUrl() + "/swagger-ui.html");
    item(
        out,
        "Try",
        "curl -H 'X-API-Key: " + apiKey + "' '" + queryApiUrl() + "/api/v1/purchases/per-minute'");
    item(out, "S3 endpoint", endpoints.s3().toString());
    item(out, "S3 access key", endpoints.accessKeyId());
    item(out, "S3 secret key", endpoints.secretAccessKey());
    item(out, "S3 region", endpoints.region());
    item(out, "Landing bucket", bucket);
    landingPrefixes().forEach((dataset, prefix) -> item(out, "Landing " + dataset, prefix));
    item(
        out,
        "Land a CSV (AWS CLI)",
        "AWS_ACCESS_KEY_ID="
            + endpoints.accessKeyId()
            + " AWS_SECRET_ACCESS_KEY="
            + endpoints.secretAccessKey()
            + " AWS_REGION="
            + endpoints.region()
            + " aws --endpoint-url "
            + endpoints.s3()
            + " s3 cp my-returns.csv s3://"
            + bucket
            + "/"
            + landingPrefixes().get("returns")
            + "my-returns.csv");
    item(out, "Land a CSV (no AWS CLI)", "bin/land-file.sh returns my-returns.csv");
    item(out, "JDBC URL", endpoints.jdbcUrl());
    item(out, "JDBC user", endpoints.jdbcUser() + "   (no password on loopback)");
    item(out, "Metrics", "/actuator/prometheus on every service (key needed on the two APIs)");
    item(out, "Logs", logs + "   (one JSON-lines file per service)");
    item(out, "Stop", "Ctrl-C, or kill " + pid);
  }

  private static void item(PrintStream out, String label, String value) {
    out.printf("  %-24s %s%n", label + ":", value);
  }

  /** Writes {@code running.properties} into {@code dataDir}, readable by its owner only. */
  Path writeRunningFile(Path dataDir) {
    Properties p = new Properties();
    p.setProperty("pid", Long.toString(pid));
    p.setProperty("s3.endpoint", endpoints.s3().toString());
    p.setProperty("aws.region", endpoints.region());
    p.setProperty("aws.access-key-id", endpoints.accessKeyId());
    p.setProperty("aws.secret-access-key", endpoints.secretAccessKey());
    p.setProperty("lake.bucket", PlatformResources.LAKE_BUCKET);
    p.setProperty("jdbc.url", endpoints.jdbcUrl());
    p.setProperty("jdbc.user", endpoints.jdbcUser());
    p.setProperty("query-api.url", queryApiUrl());
    p.setProperty("ml-scoring-service.url", scoringUrl());
    p.setProperty("api-key", apiKey);
    Path file = dataDir.resolve(RUNNING_FILE);
    try {
      Files.createDirectories(dataDir);
      Files.deleteIfExists(file);
      Files.createFile(file);
      file.toFile().setReadable(false, false);
      file.toFile().setReadable(true, true);
      try (Writer w = Files.newBufferedWriter(file)) {
        p.store(w, "The running Customer 360 demo; deleted when it stops");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
    return file;
  }

  @Override
  public String toString() {
    return "WhereToLook[queryApi=" + queryApi + ", scoring=" + scoring + ", key=redacted]";
  }
}

package io.customer360.demo;

import com.jayway.jsonpath.JsonPath;
import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.PlatformResources;
import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatform;
import io.customer360.infra.local.LocalPlatformConfig;
import io.customer360.transform.silver.QuarantineSummary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Freshness of the real-time purchase trend: the time from a purchase event put to Kinesis until
 * query-api's {@code /api/v1/purchases/per-minute} counts it, over a steady stream of one purchase
 * every {@code interval} seconds, with the five services as the demo runs them. The baseline is the
 * time until the same event is in a bronze object (ingestion alone), measured in the same run; the
 * ratio says how much the later stages (silver, gold, warehouse, API) add.
 *
 * <p>Arguments: {@code MEASURE_SECONDS} (300), {@code INTERVAL_SECONDS} (2).
 */
public final class FreshnessBenchmark {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A purchase sent: its id, the minute it counts in, its rank in that minute, when it was put. */
  record Sent(String id, Instant minute, int rank, Instant putAt) {}

  private FreshnessBenchmark() {}

  public static void main(String[] args) throws Exception {
    int measureSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int intervalSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Path scratch = Files.createTempDirectory("c360-freshness");
    try (LocalPlatform platform = LocalPlatform.start(LocalPlatformConfig.forTests());
        DemoServices services = new DemoServices()) {
      LocalEndpoints endpoints = platform.endpoints();
      DemoSecrets secrets = DemoSecrets.load(java.util.Optional.empty());
      Map<String, Integer> ports = DemoServices.fixedPorts();
      ports.replaceAll((name, port) -> FreePorts.next());
      services.start(Path.of(".").toAbsolutePath(), endpoints, secrets, ports, scratch);
      AwsClientFactory clients = new AwsClientFactory(endpoints.awsSettings());
      Probe probe = new Probe(clients.s3(), ports.get("query-api"), secrets.apiKey());
      KinesisClient kinesis = clients.kinesis();

      // Warm-up: until a first purchase shows (KCL leases, first gold run, caches).
      Instant warmStart = Instant.now();
      Sent first = put(kinesis, probe, 0);
      while (probe.apiSeen(first) == null) {
        Map<String, Long> quarantined =
            QuarantineSummary.summarize(
                clients.s3(),
                PlatformResources.LAKE_BUCKET,
                "clickstream",
                LocalDate.now(ZoneOffset.UTC).minusDays(1),
                LocalDate.now(ZoneOffset.UTC).plusDays(1));
        if (!quarantined.isEmpty()) {
          throw new IllegalStateException(
              "The benchmark's purchase was quarantined: " + quarantined);
        }
        if (Duration.between(warmStart, Instant.now()).toMinutes() > 10) {
          throw new IllegalStateException("No purchase visible through query-api in 10 minutes");
        }
        Thread.sleep(5000);
      }
      System.out.printf(
          Locale.ROOT,
          "warm-up: first purchase visible after %d s%n",
          Duration.between(warmStart, Instant.now()).toSeconds());

      List<Sent> sent = new ArrayList<>();
      Instant end = Instant.now().plusSeconds(measureSeconds);
      Instant next = Instant.now();
      int i = 1;
      while (Instant.now().isBefore(end)) {
        if (!Instant.now().isBefore(next)) {
          sent.add(put(kinesis, probe, i++));
          next = next.plusSeconds(intervalSeconds);
        }
        probe.poll(sent);
        Thread.sleep(250);
      }
      // Let the last events through, at most two more minutes.
      Instant drain = Instant.now().plusSeconds(120);
      while (Instant.now().isBefore(drain) && !probe.allSeen(sent)) {
        probe.poll(sent);
        Thread.sleep(500);
      }
      report(sent, probe);
    }
  }

  private static Sent put(KinesisClient kinesis, Probe probe, int i) {
    Instant at = Instant.now();
    String id = "FRESH-" + at.toEpochMilli() + "-" + i;
    String json =
        "{\"event_id\":\"e-"
            + id
            + "\",\"event_type\":\"purchase\",\"anonymous_id\":\"anon-fresh\","
            + "\"customer_id\":\"C9999999\",\"session_id\":\"s-"
            + id
            + "\",\"occurred_at\":\""
            + at.truncatedTo(ChronoUnit.MILLIS)
            + "\",\"page\":\"/orders/"
            + id
            + "/confirmation\",\"product_id\":\"P00001\",\"category\":\"electronics\","
            + "\"price\":10.00,\"quantity\":1,\"order_id\":\""
            + id
            + "\",\"zip\":\"55401\",\"device\":\"web\"}";
    kinesis.putRecord(
        b ->
            b.streamName(PlatformResources.CLICKSTREAM_STREAM)
                .partitionKey("s-" + id)
                .data(SdkBytes.fromUtf8String(json)));
    Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
    return new Sent(id, minute, probe.sentInMinute(minute), at);
  }

  private static void report(List<Sent> sent, Probe probe) {
    List<Double> api = new ArrayList<>();
    List<Double> bronze = new ArrayList<>();
    for (Sent s : sent) {
      Instant a = probe.apiSeen(s);
      Instant b = probe.bronzeSeen.get("e-" + s.id());
      if (a != null) {
        api.add(Duration.between(s.putAt(), a).toMillis() / 1000.0);
      }
      if (b != null) {
        bronze.add(Duration.between(s.putAt(), b).toMillis() / 1000.0);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "events sent=%d visible_in_api=%d in_bronze=%d%n",
        sent.size(),
        api.size(),
        bronze.size());
    if (api.size() < sent.size()) {
      System.out.println("WARNING: " + (sent.size() - api.size()) + " events never became visible");
    }
    result("freshness_p50", percentile(api, 50), percentile(bronze, 50));
    result("freshness_p95", percentile(api, 95), percentile(bronze, 95));
  }

  private static void result(String name, double value, double baseline) {
    System.out.printf(
        Locale.ROOT,
        "RESULT %s value=%.1f unit=s baseline=%.1f ratio=%.2f%n",
        name,
        value,
        baseline,
        value / baseline);
  }

  static double percentile(List<Double> values, int p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }

  /** Watches query-api's per-minute counts and the bronze clickstream objects. */
  static final class Probe {
    private final S3Client s3;
    private final int apiPort;
    private final String apiKey;
    private final Map<Instant, Integer> sentPerMinute = new HashMap<>();
    private final Map<String, Instant> apiSeen = new ConcurrentHashMap<>();
    private final Map<String, Instant> bronzeSeen = new ConcurrentHashMap<>();
    private final Set<String> bronzeRead = new HashSet<>();
    private Map<Instant, Long> counts = Map.of();

    Probe(S3Client s3, int apiPort, String apiKey) {
      this.s3 = s3;
      this.apiPort = apiPort;
      this.apiKey = apiKey;
    }

    int sentInMinute(Instant minute) {
      return sentPerMinute.merge(minute, 1, Integer::sum);
    }

    /** When the API first counted this event, polling once if not yet. */
    Instant apiSeen(Sent s) {
      if (!apiSeen.containsKey(s.id())) {
        poll(List.of(s));
      }
      return apiSeen.get(s.id());
    }

    boolean allSeen(List<Sent> sent) {
      return sent.stream().allMatch(s -> apiSeen.containsKey(s.id()));
    }

    /** One poll of the API and of new bronze objects. */
    void poll(List<Sent> sent) {
      Instant now = Instant.now();
      counts = perMinute();
      for (Sent s : sent) {
        if (!apiSeen.containsKey(s.id()) && counts.getOrDefault(s.minute(), 0L) >= s.rank()) {
          apiSeen.put(s.id(), now);
        }
      }
      scanBronze(now);
    }

    private Map<Instant, Long> perMinute() {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      "http://127.0.0.1:"
                          + apiPort
                          + "/api/v1/purchases/per-minute?hours=1&size=500"))
              .header("X-API-Key", apiKey)
              .timeout(Duration.ofSeconds(10))
              .build();
      try {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          return counts;
        }
        List<String> starts = JsonPath.read(response.body(), "$.points.items[*].start");
        List<Number> purchases =
            JsonPath.read(response.body(), "$.points.items[*].figures.purchases");
        Map<Instant, Long> byMinute = new HashMap<>();
        for (int i = 0; i < starts.size(); i++) {
          byMinute.put(Instant.parse(starts.get(i)), purchases.get(i).longValue());
        }
        return byMinute;
      } catch (IOException e) {
        return counts;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return counts;
      }
    }

    private void scanBronze(Instant now) {
      for (S3Object o :
          s3.listObjectsV2Paginator(
                  b -> b.bucket(PlatformResources.LAKE_BUCKET).prefix("bronze/clickstream/"))
              .contents()) {
        if (bronzeRead.add(o.key())) {
          byte[] bytes;
          try {
            bytes =
                s3.getObjectAsBytes(b -> b.bucket(PlatformResources.LAKE_BUCKET).key(o.key()))
                    .asByteArray();
          } catch (NoSuchKeyException e) {
            // listed while still being written under a temporary name; read it next time
            bronzeRead.remove(o.key());
            continue;
          }
          String text = text(o.key(), bytes);
          int at = 0;
          while ((at = text.indexOf("e-FRESH-", at)) >= 0) {
            int end = text.indexOf('"', at);
            String id = text.substring(at, end).replace("\\", "");
            bronzeSeen.putIfAbsent(id, now);
            at = end;
          }
        }
      }
    }

    private static String text(String key, byte[] bytes) {
      if (!key.endsWith(".gz")) {
        return new String(bytes, StandardCharsets.UTF_8);
      }
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    }
  }
}

package io.customer360.demo;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.demo.landing.LandFile;
import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatform;
import io.customer360.infra.local.LocalPlatformConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one-command demo: starts the embedded platform and the five services (each its own JVM on its
 * own port), feeds datagen data, shows progress until the first full cycle reaches the warehouse,
 * prints where to look, then keeps streaming until Ctrl-C and shuts everything down.
 *
 * <p>Options: {@code --repo=PATH} (where the service jars were built, default {@code .}), {@code
 * --days=N} (3), {@code --customers=N} (500), {@code --fault-rate=R} (0.01), {@code --rate=N} (live
 * stream records/s after the backfill, 5), {@code --data-dir=PATH} ({@code .c360-local}), {@code
 * --transient}, {@code --free-ports}, {@code --once} (stop after the first cycle).
 */
public final class DemoLauncher {

  /** Printed when the first full cycle is in the warehouse; tests wait for it. */
  public static final String CYCLE_MARKER = "C360 DEMO FIRST CYCLE COMPLETE";

  private DemoLauncher() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("land-file")) {
      System.exit(LandFile.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
    }
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "local-platform-logback.xml");
    }
    DemoOptions options = DemoOptions.parse(args);
    long started = System.nanoTime();
    LocalPlatformConfig config = options.platformConfig();
    LocalPlatform platform = LocalPlatform.start(config);
    DemoServices services = new DemoServices();
    CountDownLatch stop = new CountDownLatch(1);
    AtomicBoolean stopped = new AtomicBoolean();
    Path runningFile = options.dataDir().resolve(WhereToLook.RUNNING_FILE);
    Runnable shutdown =
        () -> {
          if (stopped.compareAndSet(false, true)) {
            System.out.println("Stopping the demo...");
            deleteQuietly(runningFile);
            services.close();
            platform.close();
          }
        };
    // Ctrl-C (or SIGTERM) at any moment stops the services and the platform, never leaving orphans.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.countDown();
                  shutdown.run();
                },
                "demo-stop"));
    try {
      LocalEndpoints endpoints = platform.endpoints();
      DemoSecrets secrets = DemoSecrets.load(config.dataDir());
      Path scratch =
          config
              .dataDir()
              .orElseGet(
                  () ->
                      Path.of(
                          System.getProperty("java.io.tmpdir"),
                          "c360-demo-" + ProcessHandle.current().pid()));
      System.out.println("Customer 360 demo: platform up, starting services");
      Map<String, Integer> ports = options.servicePorts();
      services.start(options.repo(), endpoints, secrets, ports, scratch);
      WhereToLook where =
          new WhereToLook(
              endpoints,
              secrets.apiKey(),
              ports.get("query-api"),
              ports.get("ml-scoring-service"),
              DemoServices.logDir(scratch),
              ProcessHandle.current().pid());
      where.writeRunningFile(options.dataDir());
      AwsClientFactory clients = new AwsClientFactory(endpoints.awsSettings());
      DemoFeed feed =
          new DemoFeed(
              clients,
              options.days(),
              options.customers(),
              DemoFeed.demoFaults(options.faultRate()));
      Thread streaming = new Thread(() -> feedThenStream(feed, options), "demo-feed");
      streaming.setDaemon(true);
      streaming.start();
      DemoProgress progress = new DemoProgress(clients.s3(), endpoints);
      DemoProgress.Snapshot first =
          awaitFirstCycle(progress, options.faultRate() > 0, options.cycleTimeout());
      checkMetrics(ports, secrets, options.once());
      System.out.println();
      where.print(System.out);
      System.out.println("  " + first.summaryLine());
      System.out.printf(
          Locale.ROOT,
          "%s seconds=%.0f total_memory_mib=%d%n",
          CYCLE_MARKER,
          (System.nanoTime() - started) / 1e9,
          Memory.totalResidentBytes() / (1024 * 1024));
      if (!options.once()) {
        System.out.println("Live data keeps arriving; Ctrl-C stops everything.");
      }
      if (!options.once()) {
        while (!stop.await(30, TimeUnit.SECONDS)) {
          System.out.println("  " + progress.snapshot().line());
        }
      }
      streaming.interrupt();
    } catch (RuntimeException e) {
      if (!stopped.get()) {
        throw e;
      }
      // stopped by Ctrl-C while waiting: the platform is gone, nothing more to report
    } finally {
      shutdown.run();
    }
  }

  private static void feedThenStream(DemoFeed feed, DemoOptions options) {
    try {
      System.out.printf(
          Locale.ROOT,
          "Feeding %d simulated days of datagen data, then live events at about %.0f records/s%n",
          options.days(),
          options.rate());
      feed.live(options.rate());
    } catch (RuntimeException e) {
      if (!Thread.currentThread().isInterrupted()) {
        System.err.println(
            "Feeding stopped: "
                + e.getMessage()
                + (e.getCause() == null ? "" : " (cause: " + e.getCause() + ")"));
      }
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      System.err.println("Could not delete " + file + ": " + e.getMessage());
    }
  }

  private static DemoProgress.Snapshot awaitFirstCycle(
      DemoProgress progress, boolean faultsInjected, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    DemoProgress.Snapshot snapshot = progress.snapshot();
    while (!snapshot.cycleComplete(faultsInjected)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "First cycle not complete within " + timeout + ": " + snapshot.line());
      }
      System.out.println("  " + snapshot.line());
      ServiceProcess.sleep(Duration.ofSeconds(5));
      snapshot = progress.snapshot();
    }
    System.out.println("  " + snapshot.line());
    return snapshot;
  }

  /**
   * Every service's Prometheus endpoint exposes its meters after the first cycle; with {@code
   * --once} (unattended runs) a missing one fails the demo.
   */
  private static void checkMetrics(Map<String, Integer> ports, DemoSecrets secrets, boolean once) {
    Map<String, List<String>> missing = new DemoMetrics().missing(ports, secrets.apiKey());
    if (missing.isEmpty()) {
      System.out.println(
          "  metrics: every service exposes its c360 meters on /actuator/prometheus");
      return;
    }
    System.out.println("  metrics MISSING on /actuator/prometheus: " + missing);
    if (once) {
      throw new IllegalStateException("Services do not expose their metrics: " + missing);
    }
  }

  /** Parsed command-line options. */
  record DemoOptions(
      Path repo,
      int days,
      int customers,
      double faultRate,
      double rate,
      Path dataDir,
      boolean transientStorage,
      boolean freePorts,
      boolean once,
      Duration cycleTimeout) {

    static DemoOptions parse(String[] args) {
      Map<String, String> opts = new LinkedHashMap<>();
      for (String arg : args) {
        if (!arg.startsWith("--")) {
          throw new IllegalArgumentException("Unknown argument '" + arg + "'");
        }
        int eq = arg.indexOf('=');
        opts.put(
            eq < 0 ? arg.substring(2) : arg.substring(2, eq),
            eq < 0 ? "true" : arg.substring(eq + 1));
      }
      DemoOptions options =
          new DemoOptions(
              Path.of(opts.getOrDefault("repo", ".")).toAbsolutePath().normalize(),
              Integer.parseInt(opts.getOrDefault("days", "3")),
              Integer.parseInt(opts.getOrDefault("customers", "500")),
              Double.parseDouble(opts.getOrDefault("fault-rate", "0.01")),
              Double.parseDouble(opts.getOrDefault("rate", "5")),
              Path.of(opts.getOrDefault("data-dir", ".c360-local")).toAbsolutePath(),
              opts.containsKey("transient"),
              opts.containsKey("free-ports"),
              opts.containsKey("once"),
              Duration.ofSeconds(
                  Long.parseLong(opts.getOrDefault("cycle-timeout-seconds", "900"))));
      opts.keySet()
          .removeAll(
              java.util.Set.of(
                  "repo",
                  "days",
                  "customers",
                  "fault-rate",
                  "rate",
                  "data-dir",
                  "transient",
                  "free-ports",
                  "once",
                  "cycle-timeout-seconds"));
      if (!opts.isEmpty()) {
        throw new IllegalArgumentException("Unknown options " + opts.keySet());
      }
      return options;
    }

    LocalPlatformConfig platformConfig() {
      LocalPlatformConfig.Ports ports =
          freePorts ? LocalPlatformConfig.Ports.free() : LocalPlatformConfig.Ports.demo();
      LocalPlatformConfig base =
          transientStorage
              ? LocalPlatformConfig.forTests()
              : LocalPlatformConfig.persistent(dataDir, ports);
      return new LocalPlatformConfig(
          base.dataDir(),
          base.cacheDir(),
          ports,
          base.region(),
          base.accessKeyId(),
          base.secretAccessKey());
    }

    Map<String, Integer> servicePorts() {
      Map<String, Integer> ports = DemoServices.fixedPorts();
      if (freePorts) {
        ports.replaceAll((name, port) -> FreePorts.next());
      }
      return ports;
    }
  }
}

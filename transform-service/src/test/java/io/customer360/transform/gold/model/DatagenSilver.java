package io.customer360.transform.gold.model;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.AwsSettings;
import io.customer360.common.contract.ContractRegistry;
import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.SourceChannel;
import io.customer360.common.lake.LakePath;
import io.customer360.common.lake.ObjectNames;
import io.customer360.datagen.Datagen;
import io.customer360.datagen.DatagenConfig;
import io.customer360.datagen.fault.FaultKind;
import io.customer360.datagen.fault.FaultRates;
import io.customer360.datagen.sink.FolderSink;
import io.customer360.infra.local.LocalPlatformConfig;
import io.customer360.infra.local.internal.EmbeddedDynamoDb;
import io.customer360.infra.local.internal.EmbeddedS3;
import io.customer360.infra.local.internal.FreePort;
import io.customer360.transform.TransformProperties;
import io.customer360.transform.catalog.LakeCatalog;
import io.customer360.transform.engine.DuckDbSessions;
import io.customer360.transform.lake.LakeStore;
import io.customer360.transform.lock.DatasetLocks;
import io.customer360.transform.silver.SilverPromoter;
import io.customer360.transform.testing.BronzeEnvelopes;
import io.customer360.transform.testing.PartitionKeySink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Real silver from a datagen run, made the way production makes it: datagen's output laid out as
 * ingestion-service leaves it in bronze (stream records in its JSON-lines envelope with the
 * partition key datagen sent them with, landing files under their content-hashed names, truncated
 * files left out as ingestion quarantines them), uploaded to S3Proxy, promoted by {@link
 * SilverPromoter} (its dataset lock in DynamoDB Local), and the resulting {@code silver/} tree
 * downloaded to a local folder for DuckDB.
 */
public final class DatagenSilver {

  static final String PII_KEY = "test-pii-key-0123456789";
  private static final String BUCKET = "c360-lake";
  private static final Instant RECEIVED = Instant.parse("2026-01-10T08:00:00Z");
  private static final String PARTITION_KEYS = "partition_keys.csv";

  private static Lake shared;

  /**
   * A generated lake.
   *
   * @param root folder holding {@code silver/<dataset>/…}
   * @param datagen datagen's output folder, with the ground truth in {@code _truth/}
   */
  public record Lake(Path root, Path datagen) {
    Path truth(String file) {
      return datagen.resolve(FolderSink.TRUTH_FOLDER).resolve(file);
    }

    /**
     * CSV {@code dataset,_record_key,partition_key}: the Kinesis partition key datagen sent each
     * stream record with, by the record key silver gives it.
     */
    Path partitionKeys() {
      return datagen.resolve(PARTITION_KEYS);
    }
  }

  private DatagenSilver() {}

  /**
   * 14 days × 300 customers with every fault on; generated once per JVM in a temporary folder, or
   * kept in the folder the system property {@code c360.gold.lake} names (reused when it exists).
   */
  public static synchronized Lake shared() {
    if (shared == null) {
      String kept = System.getProperty("c360.gold.lake");
      Path dir = kept != null ? Path.of(kept) : tempDir("c360-gold-test");
      // A kept lake from before silver carried partition keys is made again.
      if (kept != null
          && Files.isDirectory(dir.resolve("lake"))
          && Files.exists(dir.resolve("datagen").resolve(PARTITION_KEYS))) {
        shared = new Lake(dir.resolve("lake"), dir.resolve("datagen"));
      } else {
        FaultRates faults =
            FaultRates.uniform(0.01)
                .with(FaultKind.OVERSIZED_RECORD, 0.001)
                .with(FaultKind.TRUNCATED_GZIP, 0.1);
        shared = generate(dir, 14, 300, faults);
      }
    }
    return shared;
  }

  /** A temporary folder removed when the JVM exits. */
  static Path tempDir(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(dir.toFile())));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs datagen (seed 7) and promotes its output to silver under {@code dir/lake}. */
  static Lake generate(Path dir, int days, int customers, FaultRates faults) {
    Path out = dir.resolve("datagen");
    Datagen.run(
        DatagenConfig.of(days, customers).withSeed(7).withFaults(faults),
        new PartitionKeySink(out));
    Map<String, Map<String, Path>> bronze = new Bronze(dir.resolve("bronze")).layOut(out);
    Path lake = dir.resolve("lake");
    int port = FreePort.resolve(0);
    int dynamoPort = FreePort.resolve(0);
    try (EmbeddedS3 s3 = EmbeddedS3.start(port, Optional.empty(), "gold", "gold-secret");
        EmbeddedDynamoDb dynamo =
            EmbeddedDynamoDb.start(dynamoPort, LocalPlatformConfig.defaultCacheDir());
        S3Client client = s3Client(port);
        DynamoDbClient dynamoClient = dynamoClient(dynamoPort);
        DatasetLocks locks =
            new DatasetLocks(
                dynamoClient,
                new TransformProperties.SilverLock(
                    "c360-transform-locks",
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(10),
                    Duration.ofMinutes(4)),
                "datagen-silver",
                Clock.systemUTC())) {
      client.createBucket(b -> b.bucket(BUCKET));
      promote(client, locks, bronze, dir.resolve("work"));
      LakeStore store = new LakeStore(client, BUCKET);
      for (String key : store.list("silver/")) {
        store.download(key, lake.resolve(key));
      }
    } catch (Exception e) {
      throw new IllegalStateException("Cannot build silver from datagen: " + e.getMessage(), e);
    }
    return new Lake(lake, out);
  }

  private static void promote(
      S3Client client, DatasetLocks locks, Map<String, Map<String, Path>> bronze, Path work) {
    ContractRegistry contracts = ContractRegistry.loadDefault();
    LakeStore store = new LakeStore(client, BUCKET);
    DuckDbSessions sessions =
        new DuckDbSessions(new TransformProperties.Engine(DataSize.ofGigabytes(2), 2), work);
    SilverPromoter promoter =
        new SilverPromoter(
            contracts,
            store,
            sessions,
            new LakeCatalog(store, contracts, Clock.systemUTC()),
            locks,
            PII_KEY,
            work,
            DataSize.ofMegabytes(256).toBytes());
    // Datasets are independent: promote them side by side, as competing consumers would.
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> done = new ArrayList<>();
      bronze.forEach(
          (dataset, files) ->
              done.add(
                  pool.submit(
                      () -> {
                        files.forEach(
                            (key, file) ->
                                client.putObject(
                                    b ->
                                        b.bucket(BUCKET)
                                            .key(key)
                                            .metadata(Map.of("received-at", RECEIVED.toString())),
                                    RequestBody.fromFile(file)));
                        promoter.promote(dataset, List.copyOf(files.keySet()));
                      })));
      for (Future<?> f : done) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Silver promotion failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static S3Client s3Client(int port) {
    AwsSettings settings =
        new AwsSettings(
            "us-east-1",
            "gold",
            "gold-secret",
            new AwsSettings.Endpoints(
                URI.create("http://127.0.0.1:" + port), null, null, null, null),
            true);
    return new AwsClientFactory(settings).s3();
  }

  private static DynamoDbClient dynamoClient(int port) {
    AwsSettings settings =
        new AwsSettings(
            "us-east-1",
            "gold",
            "gold-secret",
            new AwsSettings.Endpoints(
                null, null, null, URI.create("http://127.0.0.1:" + port), null),
            true);
    return new AwsClientFactory(settings).dynamoDb();
  }

  /** Datagen output as bronze objects, per dataset: object key → local file. */
  private static final class Bronze {

    private final Path root;
    private final Map<String, Map<String, Path>> byDataset = new LinkedHashMap<>();
    private final StringBuilder partitionKeys =
        new StringBuilder("dataset,_record_key,partition_key\n");
    private long sequence;

    Bronze(Path root) {
      this.root = root;
    }

    Map<String, Map<String, Path>> layOut(Path out) {
      for (DatasetContract contract : ContractRegistry.loadDefault().all()) {
        if (contract.source().channel() == SourceChannel.STREAM) {
          Path folder = out.resolve(FolderSink.STREAMS_FOLDER).resolve(contract.source().name());
          for (Path file : list(folder)) {
            envelope(contract.name(), file);
          }
        }
      }
      for (String[] file : landingFiles(out)) {
        // Ingestion quarantines truncated files whole.
        if (!file[4].contains("truncated_gzip")) {
          copy(file[1], out.resolve(file[0]));
        }
      }
      try {
        Files.writeString(out.resolve(PARTITION_KEYS), partitionKeys);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return byDataset;
    }

    private static List<String[]> landingFiles(Path out) {
      try {
        return Files.readAllLines(out.resolve(FolderSink.TRUTH_FOLDER).resolve("files.csv"))
            .stream()
            .skip(1)
            .map(l -> l.split(",", -1))
            .toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void envelope(String dataset, Path streamFile) {
      String name = ObjectNames.streamBatch("shardId-000000000000", Long.toString(sequence + 1));
      Path target = target(dataset, name);
      List<String> keys = PartitionKeySink.keys(streamFile);
      try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(target))) {
        List<String> lines = Files.readAllLines(streamFile, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          gz.write(
              BronzeEnvelopes.line(lines.get(i), ++sequence, keys.get(i), RECEIVED)
                  .getBytes(StandardCharsets.UTF_8));
          gz.write('\n');
          partitionKeys
              .append(dataset)
              .append(",shardId-000000000000:")
              .append(sequence)
              .append(":0,")
              .append(keys.get(i))
              .append('\n');
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void copy(String dataset, Path file) {
      try {
        byte[] bytes = Files.readAllBytes(file);
        String sha = ObjectNames.hex(MessageDigest.getInstance("SHA-256").digest(bytes));
        String name = ObjectNames.batchFile(file.getFileName().toString(), sha);
        String key = LakePath.bronze(dataset, RECEIVED, name).key();
        // A re-sent file has the same key and bytes: ingestion stores it once.
        if (!byDataset.getOrDefault(dataset, Map.of()).containsKey(key)) {
          Files.write(target(dataset, name), bytes);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    private Path target(String dataset, String name) {
      String key = LakePath.bronze(dataset, RECEIVED, name).key();
      Path local = root.resolve(key);
      try {
        Files.createDirectories(local.getParent());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      byDataset.computeIfAbsent(dataset, d -> new LinkedHashMap<>()).put(key, local);
      return local;
    }

    private static List<Path> list(Path folder) {
      if (!Files.isDirectory(folder)) {
        return List.of();
      }
      try (Stream<Path> files = Files.list(folder)) {
        return files.sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

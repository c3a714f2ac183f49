package io.customer360.transform.silver;

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
import io.customer360.transform.testing.BronzeEnvelopes;
import io.customer360.transform.testing.PartitionKeySink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Datagen output laid out as ingestion-service leaves it in bronze: stream records in its
 * JSON-lines envelope (payload kept as text, status {@code ok} or {@code invalid_json}, the
 * partition key datagen sent the record with), landing files copied under their content-hashed
 * name. Files ingestion quarantines whole (truncated gzip) are left out, as they never reach
 * bronze.
 */
final class DatagenBronze {

  static final ContractRegistry CONTRACTS = ContractRegistry.loadDefault();
  private static final Instant RECEIVED = Instant.parse("2026-01-10T08:00:00Z");

  private final Path root;
  private final Map<String, List<Path>> filesByDataset = new LinkedHashMap<>();
  private final Map<Path, String> keys = new HashMap<>();
  private final Map<String, Map<String, String>> partitionKeys = new HashMap<>();
  private final Truth truth;
  private long sequence;

  private DatagenBronze(Path root, Truth truth) {
    this.root = root;
    this.truth = truth;
  }

  /** Generates a datagen run with every fault on and lays it out as bronze under {@code dir}. */
  static DatagenBronze generate(Path dir, int days, int customers, double faultRate) {
    Path out = dir.resolve("datagen");
    Datagen.run(
        DatagenConfig.of(days, customers)
            .withSeed(7)
            .withFaults(
                FaultRates.uniform(faultRate).with(FaultKind.TRUNCATED_GZIP, 10 * faultRate)),
        new PartitionKeySink(out));
    DatagenBronze bronze = new DatagenBronze(dir.resolve("bronze"), Truth.read(out));
    bronze.layOut(out);
    return bronze;
  }

  Truth truth() {
    return truth;
  }

  /** Local bronze files of a dataset. */
  List<BronzeFile> files(String dataset) {
    return filesByDataset.getOrDefault(dataset, List.of()).stream()
        .map(p -> new BronzeFile(keys.get(p), p, RECEIVED, p.toString().endsWith(".gz")))
        .toList();
  }

  /** The partition key datagen sent each stream record of a dataset with, by silver record key. */
  Map<String, String> partitionKeys(String dataset) {
    return partitionKeys.getOrDefault(dataset, Map.of());
  }

  /** The bronze object key of each local file, for uploading. */
  Map<Path, String> keys() {
    return keys;
  }

  private void layOut(Path out) {
    for (DatasetContract contract : CONTRACTS.all()) {
      if (contract.source().channel() == SourceChannel.STREAM) {
        Path folder = out.resolve(FolderSink.STREAMS_FOLDER).resolve(contract.source().name());
        for (Path file : list(folder)) {
          envelope(contract.name(), file);
        }
      }
    }
    for (Truth.LandingFile file : truth.landingFiles()) {
      // Ingestion quarantines truncated files whole, and stores a re-sent file once.
      if (file.faults().contains("truncated_gzip")) {
        continue;
      }
      copy(file.dataset(), out.resolve(file.key()));
    }
  }

  private void envelope(String dataset, Path streamFile) {
    String name = ObjectNames.streamBatch("shardId-000000000000", Long.toString(sequence + 1));
    Path target = target(dataset, name);
    List<String> partitions = PartitionKeySink.keys(streamFile);
    Map<String, String> byRecord = partitionKeys.computeIfAbsent(dataset, d -> new HashMap<>());
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(target))) {
      List<String> lines = Files.readAllLines(streamFile, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        gz.write(
            BronzeEnvelopes.line(lines.get(i), ++sequence, partitions.get(i), RECEIVED)
                .getBytes(StandardCharsets.UTF_8));
        gz.write('\n');
        byRecord.put("shardId-000000000000:" + sequence + ":0", partitions.get(i));
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
      if (keys.containsValue(LakePath.bronze(dataset, RECEIVED, name).key())) {
        return;
      }
      Files.write(target(dataset, name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path target(String dataset, String name) {
    LakePath path = LakePath.bronze(dataset, RECEIVED, name);
    Path local = root.resolve(path.key());
    try {
      Files.createDirectories(local.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    filesByDataset.computeIfAbsent(dataset, d -> new ArrayList<>()).add(local);
    keys.put(local, path.key());
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

  /**
   * Uploads every bronze file to the lake and returns one bronze-ready message per object, as
   * ingestion-service would announce them.
   */
  List<String> upload(software.amazon.awssdk.services.s3.S3Client s3, String bucket) {
    io.customer360.common.pipeline.PipelineMessageCodec codec =
        new io.customer360.common.pipeline.PipelineMessageCodec();
    List<String> messages = new ArrayList<>();
    for (DatasetContract contract : CONTRACTS.all()) {
      for (BronzeFile file : files(contract.name())) {
        s3.putObject(
            b ->
                b.bucket(bucket)
                    .key(file.key())
                    .metadata(Map.of("received-at", file.receivedAt().toString())),
            software.amazon.awssdk.core.sync.RequestBody.fromFile(file.path()));
        messages.add(
            codec.toJson(
                new io.customer360.common.pipeline.BronzeReady(
                    io.customer360.common.pipeline.PipelineMessage.CURRENT_VERSION,
                    file.key(),
                    Instant.now(),
                    contract.name(),
                    bucket,
                    List.of(file.key()),
                    0,
                    contract.source().channel().name().toLowerCase(java.util.Locale.ROOT))));
      }
    }
    return messages;
  }

  /** Datagen's ground truth. */
  record Truth(List<String[]> counts, List<LandingFile> landingFiles, List<String[]> sales) {

    /** Revenue of non-cancelled orders by order date, from {@code sales_daily.csv}. */
    Map<String, java.math.BigDecimal> revenueByDay() {
      Map<String, java.math.BigDecimal> byDay = new java.util.TreeMap<>();
      sales.forEach(
          f -> byDay.merge(f[0], new java.math.BigDecimal(f[5]), java.math.BigDecimal::add));
      return byDay;
    }

    record LandingFile(String key, String dataset, LocalDate date, long records, String faults) {}

    static Truth read(Path out) {
      try {
        Path dir = out.resolve(FolderSink.TRUTH_FOLDER);
        List<String[]> counts =
            Files.readAllLines(dir.resolve("counts.csv")).stream()
                .skip(1)
                .map(l -> l.split(",", -1))
                .toList();
        List<LandingFile> files =
            Files.readAllLines(dir.resolve("files.csv")).stream()
                .skip(1)
                .map(l -> l.split(",", -1))
                .map(
                    f ->
                        new LandingFile(
                            f[0], f[1], LocalDate.parse(f[2]), Long.parseLong(f[3]), f[4]))
                .toList();
        List<String[]> sales =
            Files.readAllLines(dir.resolve("sales_daily.csv")).stream()
                .skip(1)
                .map(l -> l.split(",", -1))
                .toList();
        return new Truth(counts, files, sales);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Sum of a metric over all dates of a dataset. */
    long total(String dataset, String metric) {
      return counts.stream()
          .filter(c -> c[0].equals(dataset) && c[2].equals(metric))
          .mapToLong(c -> Long.parseLong(c[3]))
          .sum();
    }
  }
}

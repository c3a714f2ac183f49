package io.customer360.transform.silver;

import io.customer360.common.contract.ContractRegistry;
import io.customer360.common.contract.DatasetContract;
import io.customer360.common.lake.LakePath;
import io.customer360.common.lake.LakeZone;
import io.customer360.common.lake.ObjectMetadata;
import io.customer360.transform.engine.DuckDbSessions;
import io.customer360.transform.lake.LakeStore;
import io.customer360.transform.lock.DatasetLease;
import io.customer360.transform.lock.DatasetLocks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Promotes bronze objects of one dataset to silver: download, validate and standardize ({@link
 * SilverBatch}), write the rejected records to quarantine, merge the rest into their event-time
 * partitions ({@link PartitionMerger}) and upload the rewritten partitions. Idempotent: the same
 * objects promoted again write the same quarantine files and no silver file.
 *
 * <p>A partition is rewritten by read-merge-upload, then stale files are deleted. Two merges into
 * the same partition at once would each read the old files and the later upload would drop the
 * other's rows, so the merge of a dataset runs under its {@link DatasetLocks dataset lock}: across
 * instances a lease in DynamoDB, within one an in-process turn (validation, the bulk of the work,
 * still runs in parallel). Before the first shared write (catalog, then silver files) the lease is
 * renewed on the condition that this instance still owns it, and before each partition's upload its
 * validity is checked locally; a lease lost to a stall fails the promotion with nothing written,
 * for the message to be redelivered. What remains: a stall longer than the lease that starts after
 * that check and before the writes finish (S3 has no fencing), see the README.
 */
public class SilverPromoter {

  private static final Logger log = LoggerFactory.getLogger(SilverPromoter.class);
  private static final String PARQUET = "application/vnd.apache.parquet";

  private final ContractRegistry contracts;
  private final LakeStore lake;
  private final DuckDbSessions duckdb;
  private final SilverCatalog catalog;
  private final DatasetLocks locks;
  private final PiiFunctions pii;
  private final Path workDir;
  private final long maxFileBytes;

  public SilverPromoter(
      ContractRegistry contracts,
      LakeStore lake,
      DuckDbSessions duckdb,
      SilverCatalog catalog,
      DatasetLocks locks,
      String piiKey,
      Path workDir,
      long maxFileBytes) {
    this.contracts = contracts;
    this.lake = lake;
    this.duckdb = duckdb;
    this.catalog = catalog;
    this.locks = locks;
    this.pii = new PiiFunctions(piiKey);
    this.workDir = workDir;
    this.maxFileBytes = maxFileBytes;
  }

  /**
   * What one promotion did.
   *
   * @param partitions silver partitions rewritten ({@code event_date=…[/event_hour=…]})
   * @param silverKeys silver objects written
   * @param quarantineKeys quarantine objects written
   * @param validRecords records of the input that are valid (before de-duplication)
   * @param quarantinedRecords records of the input sent to quarantine
   */
  public record Result(
      String dataset,
      List<String> partitions,
      List<String> silverKeys,
      List<String> quarantineKeys,
      long validRecords,
      long quarantinedRecords) {}

  /** Promotes bronze objects of one dataset. */
  public Result promote(String dataset, List<String> bronzeKeys) {
    DatasetContract contract = contracts.get(dataset);
    Path work = workDir.resolve("silver-" + UUID.randomUUID());
    try (Connection session = duckdb.open()) {
      SilverBatch batch = new SilverBatch(session, contract, pii);
      int i = 0;
      for (String key : bronzeKeys) {
        batch.add(download(key, work.resolve("in").resolve(i++ + "-" + LakePath.of(key).name())));
      }
      SilverBatch.Counts counts = batch.validate();
      List<String> quarantineKeys =
          uploadQuarantine(dataset, batch.writeQuarantine(dir(work, "q")));
      PartitionMerger merger = new PartitionMerger(session, batch.sql(), duckdb.memoryLimitBytes());
      List<String> changed;
      List<String> silverKeys;
      try (DatasetLease lease = locks.acquire(dataset)) {
        Path existing = dir(work, "existing");
        Map<String, List<String>> existingKeys = downloadPartitions(dataset, merger, existing);
        Path out = work.resolve("out");
        changed = merger.merge(existing, out, maxFileBytes);
        Map<String, List<String>> fresh = freshKeys(dataset, changed, out);
        if (!changed.isEmpty()) {
          // Merged from files another instance may have replaced meanwhile if the lease lapsed:
          // write nothing unless it is still ours.
          lease.ensureHeld();
          // Before the upload: a failed registration fails the promotion, and the redelivered
          // message rewrites the partitions and registers them again. After it, a replay would
          // change no partition and register nothing.
          catalog.register(dataset, changed, fresh);
        }
        silverKeys = uploadPartitions(fresh, out, existingKeys, lease);
      }
      log.info(
          "Silver promoted dataset={} objects={} valid={} quarantined={} partitions={}",
          dataset,
          bronzeKeys.size(),
          counts.valid(),
          counts.quarantined(),
          changed.size());
      return new Result(
          dataset, changed, silverKeys, quarantineKeys, counts.valid(), counts.quarantined());
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Silver promotion of " + dataset + " " + bronzeKeys + " failed: " + e.getMessage(), e);
    } finally {
      FileSystemUtils.deleteRecursively(work.toFile());
    }
  }

  private BronzeFile download(String key, Path target) {
    LakeStore.Download download = lake.download(key, target);
    String received = download.metadata().get(ObjectMetadata.RECEIVED_AT);
    Instant receivedAt = received != null ? Instant.parse(received) : download.lastModified();
    return new BronzeFile(key, target, receivedAt, isGzip(target));
  }

  private List<String> uploadQuarantine(String dataset, Map<String, Path> files) {
    List<String> keys = new ArrayList<>();
    files.forEach(
        (source, file) -> {
          LakePath bronze = LakePath.of(source);
          String key =
              LakePath.quarantine(dataset, ingestDate(bronze), bronze.name() + ".parquet").key();
          lake.upload(file, key, PARQUET);
          keys.add(key);
        });
    return keys;
  }

  private Map<String, List<String>> downloadPartitions(
      String dataset, PartitionMerger merger, Path existing) throws SQLException {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    for (String partition : merger.touchedPartitions()) {
      String prefix = LakePath.prefix(LakeZone.SILVER, dataset) + partition + "/";
      List<String> found = lake.list(prefix);
      keys.put(partition, found);
      for (String key : found) {
        lake.download(key, existing.resolve(partition).resolve(LakePath.of(key).name()));
      }
    }
    return keys;
  }

  /** The silver keys each changed partition's merged files will have, by partition. */
  private static Map<String, List<String>> freshKeys(
      String dataset, List<String> changed, Path out) {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    for (String partition : changed) {
      String prefix = LakePath.prefix(LakeZone.SILVER, dataset) + partition + "/";
      try (Stream<Path> files = Files.list(out.resolve(partition))) {
        keys.put(partition, files.sorted().map(f -> prefix + f.getFileName()).toList());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list merged partition " + partition, e);
      }
    }
    return keys;
  }

  /**
   * Uploads the merged files, then deletes the partitions' files they replace; partition by
   * partition, each only while the lease is still valid.
   */
  private List<String> uploadPartitions(
      Map<String, List<String>> fresh,
      Path out,
      Map<String, List<String>> existingKeys,
      DatasetLease lease) {
    List<String> written = new ArrayList<>();
    fresh.forEach(
        (partition, keys) -> {
          lease.checkHeld();
          for (String key : keys) {
            lake.upload(
                out.resolve(partition).resolve(key.substring(key.lastIndexOf('/') + 1)),
                key,
                PARQUET);
          }
          written.addAll(keys);
          lake.delete(
              existingKeys.getOrDefault(partition, List.of()).stream()
                  .filter(k -> !keys.contains(k))
                  .toList());
        });
    return written;
  }

  private static LocalDate ingestDate(LakePath bronze) {
    return bronze.partitions().stream()
        .filter(p -> p.name().equals(LakePath.INGEST_DATE))
        .map(p -> LocalDate.parse(p.value()))
        .findFirst()
        .orElseGet(() -> LocalDate.now(java.time.ZoneOffset.UTC));
  }

  private static boolean isGzip(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static Path dir(Path parent, String name) {
    try {
      return Files.createDirectories(parent.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + parent.resolve(name), e);
    }
  }
}

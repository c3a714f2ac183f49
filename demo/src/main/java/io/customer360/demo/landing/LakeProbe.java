package io.customer360.demo.landing;

import io.customer360.common.contract.DatasetContract;
import io.customer360.common.lake.LakePath;
import io.customer360.common.lake.LakeZone;
import io.customer360.common.lake.ObjectMetadata;
import io.customer360.common.lake.ObjectNames;
import io.customer360.common.lake.Partition;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds a landed file's trace in the lake by the names the platform gives it, all fixed by the
 * file's name and content:
 *
 * <ul>
 *   <li>bronze: {@code bronze/<dataset>/…/<sha256[0:16]>-<name>} (ingestion's content key, the same
 *       for a re-send), with ingestion's record count in its metadata;
 *   <li>whole-file quarantine: {@code quarantine/<dataset>/…/<hash[0:16]>-<name>.reason.json}
 *       naming this landing key and ETag;
 *   <li>row quarantine: {@code quarantine/<dataset>/ingest_date=<bronze's>/<bronze name>.parquet};
 *   <li>silver: rows whose {@code _source_object} is the bronze key.
 * </ul>
 */
final class LakeProbe implements Probe {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Lake lake;
  private final DatasetContract contract;
  private final DroppedFile file;
  private final LandedObject landed;
  private final SilverCopy silver;
  private final ParquetRows parquet;
  private final Path quarantineCopy;
  private Observation.FileQuarantined fileQuarantined;
  private Bronze bronze;
  private String quarantineETag = "";
  private QuarantinedRows quarantine = QuarantinedRows.NONE;

  LakeProbe(
      Lake lake,
      DatasetContract contract,
      DroppedFile file,
      LandedObject landed,
      ParquetRows parquet,
      Path workDir) {
    this.lake = lake;
    this.contract = contract;
    this.file = file;
    this.landed = landed;
    this.parquet = parquet;
    this.silver = new SilverCopy(lake, contract.name(), workDir.resolve("silver"));
    this.quarantineCopy = workDir.resolve("quarantine.parquet");
  }

  @Override
  public Observation observe() {
    if (fileQuarantined != null) {
      return fileQuarantined;
    }
    if (bronze == null) {
      bronze = findBronze().orElse(null);
    }
    if (bronze == null) {
      fileQuarantined = findFileQuarantine().orElse(null);
      return fileQuarantined != null ? fileQuarantined : new Observation.NotIngested();
    }
    return new Observation.Ingested(
        bronze.key(), bronze.records(), bronze.earlier(), silverRows(), quarantinedRows());
  }

  /** The file's bronze object, which does not change once written. */
  private record Bronze(String key, long records, boolean earlier) {}

  /** The bronze object of this content, with ingestion's record count. */
  private Optional<Bronze> findBronze() {
    String suffix = "/" + file.bronzeName();
    Optional<String> key =
        lake.list(LakePath.prefix(LakeZone.BRONZE, contract.name())).stream()
            .map(S3Object::key)
            .filter(k -> k.endsWith(suffix))
            .findFirst();
    return key.flatMap(k -> lake.head(k).map(head -> bronze(k, head)));
  }

  private Bronze bronze(String key, HeadObjectResponse head) {
    String count = head.metadata().get(ObjectMetadata.RECORD_COUNT);
    long records = count == null ? -1 : Long.parseLong(count);
    return new Bronze(key, records, head.lastModified().isBefore(landed.lastModified()));
  }

  /**
   * Ingestion's reasons file for this landing: named by the content hash (a file it read) or by the
   * hash of key and ETag (one it copied unread), and naming this key and ETag.
   */
  private Optional<Observation.FileQuarantined> findFileQuarantine() {
    Set<String> names =
        Set.of(
            ObjectNames.batchFile(file.name(), file.sha256()) + ".reason.json",
            ObjectNames.batchFile(
                    file.name(), DroppedFile.sha256Of(landed.key() + "#" + landed.eTag()))
                + ".reason.json");
    for (S3Object object : lake.list(LakePath.prefix(LakeZone.QUARANTINE, contract.name()))) {
      String key = object.key();
      if (names.contains(key.substring(key.lastIndexOf('/') + 1))) {
        JsonNode why = JSON.readTree(lake.text(key));
        if (landed.key().equals(text(why, "landing_key"))
            && landed.eTag().equals(text(why, "etag"))) {
          String copy = key.substring(0, key.length() - ".reason.json".length());
          return Optional.of(new Observation.FileQuarantined(text(why, "reason"), copy));
        }
      }
    }
    return Optional.empty();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null ? "" : value.asString();
  }

  /** Rows of the bronze object in silver now, by silver key. */
  private Map<String, Long> silverRows() {
    Map<String, Path> files = silver.refresh();
    Map<Path, Long> byFile = parquet.rowsFrom(new ArrayList<>(files.values()), bronze.key());
    Map<String, Long> byKey = new LinkedHashMap<>();
    files.forEach(
        (key, local) -> {
          Long rows = byFile.get(local.toAbsolutePath());
          if (rows != null) {
            byKey.put(key, rows);
          }
        });
    return byKey;
  }

  /** The bronze object's quarantine file, re-read when it changed. */
  private QuarantinedRows quarantinedRows() {
    String key = quarantineKey(bronze.key());
    Optional<HeadObjectResponse> head = lake.head(key);
    if (head.isEmpty()) {
      return QuarantinedRows.NONE;
    }
    if (!head.get().eTag().equals(quarantineETag) && lake.download(key, quarantineCopy)) {
      quarantine = new QuarantinedRows(key, parquet.reasons(quarantineCopy));
      quarantineETag = head.get().eTag();
    }
    return quarantine;
  }

  /** Where transform-service writes the quarantined rows of a bronze object. */
  static String quarantineKey(String bronzeKey) {
    LakePath bronze = LakePath.of(bronzeKey);
    LocalDate ingestDate =
        bronze.partitions().stream()
            .filter(p -> p.name().equals(LakePath.INGEST_DATE))
            .map(Partition::value)
            .map(LocalDate::parse)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No ingest date in " + bronzeKey));
    return LakePath.quarantine(bronze.dataset(), ingestDate, bronze.name() + ".parquet").key();
  }
}

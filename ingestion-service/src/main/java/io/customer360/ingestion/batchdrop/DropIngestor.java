package io.customer360.ingestion.batchdrop;

import io.customer360.common.contract.ContractRegistry;
import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.SourceChannel;
import io.customer360.common.lake.LakePath;
import io.customer360.common.lake.ObjectMetadata;
import io.customer360.common.lake.ObjectNames;
import io.customer360.common.lake.QuarantineReason;
import io.customer360.common.pipeline.PipelineMessage;
import io.customer360.ingestion.bronze.BronzeAnnouncer;
import io.customer360.ingestion.bronze.BronzeStore;
import io.customer360.ingestion.bronze.IngestionMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Copies one dropped file to bronze, or to quarantine when it cannot be read. The bronze key is
 * {@code bronze/<dataset>/ingest_date=…/ingest_hour=…/<sha256 prefix>-<original name>}, fixed at
 * the first claim of that content, so a file delivered again (by a second notification, a rescan,
 * or re-sent under the same name) maps to the same object and is announced once.
 */
public final class DropIngestor {

  private static final Logger log = LoggerFactory.getLogger(DropIngestor.class);
  private static final String UNROUTED = "unrouted";

  /** What happened to a dropped file. */
  public enum Outcome {
    INGESTED,
    DUPLICATE,
    QUARANTINED,
    ALREADY_HANDLED,
    /**
     * Another delivery of the same content is writing it; it announces it. Left unmarked, so a
     * rescan finishes it if that delivery crashed ({@link #CLAIM_STALE_AFTER}).
     */
    IN_PROGRESS
  }

  /**
   * Age after which a content claim that was never finished is taken to be a crashed ingestion's
   * and is taken over. Longer than any one file's copy to bronze.
   */
  static final Duration CLAIM_STALE_AFTER = Duration.ofMinutes(5);

  private final S3Client s3;
  private final ContractRegistry contracts;
  private final IngestLedger ledger;
  private final BronzeStore store;
  private final BronzeAnnouncer announcer;
  private final IngestionMetrics metrics;
  private final Clock clock;
  private final DataSize maxFileSize;
  private final FileInspector inspector = new FileInspector();
  private final Quarantine quarantine;

  public DropIngestor(
      S3Client s3,
      ContractRegistry contracts,
      IngestLedger ledger,
      BronzeStore store,
      BronzeAnnouncer announcer,
      IngestionMetrics metrics,
      Clock clock,
      DataSize maxFileSize) {
    this.s3 = s3;
    this.contracts = contracts;
    this.ledger = ledger;
    this.store = store;
    this.announcer = announcer;
    this.metrics = metrics;
    this.clock = clock;
    this.maxFileSize = maxFileSize;
    this.quarantine = new Quarantine(s3, store.bucket(), metrics);
  }

  /** Ingests a landing object once, whatever number of times it is delivered. */
  public Outcome ingest(LandingObject object) {
    if (ledger.isHandled(object)) {
      return Outcome.ALREADY_HANDLED;
    }
    String fileName = object.key().substring(object.key().lastIndexOf('/') + 1);
    Optional<DatasetContract> contract = route(object.key());
    String dataset = contract.map(DatasetContract::name).orElse(UNROUTED);
    Instant receivedAt = clock.instant();
    if (contract.isEmpty()) {
      return quarantined(
          object,
          quarantine.copy(object, dataset, receivedAt, QuarantineReason.UNKNOWN_SOURCE.code()));
    }
    if (object.size() > maxFileSize.toBytes()) {
      return quarantined(
          object, quarantine.copy(object, dataset, receivedAt, QuarantineReason.TOO_LARGE.code()));
    }
    Path file = download(object);
    try {
      String sha256 = sha256(file);
      Inspection inspection = inspector.inspect(file, fileName);
      if (!inspection.isReadable()) {
        String reason = inspection.rejection().orElseThrow();
        return quarantined(
            object, quarantine.store(object, dataset, file, sha256, receivedAt, reason));
      }
      return toBronze(object, contract.get(), fileName, file, sha256, inspection, receivedAt);
    } finally {
      deleteQuietly(file);
    }
  }

  private Outcome toBronze(
      LandingObject object,
      DatasetContract contract,
      String fileName,
      Path file,
      String sha256,
      Inspection inspection,
      Instant receivedAt) {
    String dataset = contract.name();
    String contentId = "content#" + dataset + "#" + fileName + "#" + sha256;
    LakePath proposed =
        LakePath.bronze(dataset, receivedAt, ObjectNames.batchFile(fileName, sha256));
    IngestLedger.ContentClaim claim =
        ledger.claimContent(contentId, proposed.key(), clock.instant(), CLAIM_STALE_AFTER);
    if (claim.state() == IngestLedger.ClaimState.DONE) {
      ledger.markHandled(object, "duplicate", claim.resultKey());
      log.info("Dropped file is a re-send key={} bronze={}", object.key(), claim.resultKey());
      return Outcome.DUPLICATE;
    }
    if (claim.state() == IngestLedger.ClaimState.IN_PROGRESS) {
      log.info(
          "Dropped file is being ingested by another delivery key={} bronze={}",
          object.key(),
          claim.resultKey());
      return Outcome.IN_PROGRESS;
    }
    LakePath bronze = LakePath.of(claim.resultKey());
    // The id every later stage logs for this file's batch (BronzeAnnouncer derives the same one).
    MDC.put("correlationId", PipelineMessage.correlationIdFor(bronze.key()));
    try {
      writeAndAnnounce(object, contract, file, sha256, inspection, receivedAt, bronze);
      ledger.completeContent(contentId);
      ledger.markHandled(object, "bronze", bronze.key());
      log.info("Dropped file ingested key={} bronze={}", object.key(), bronze.key());
      return Outcome.INGESTED;
    } finally {
      MDC.remove("correlationId");
    }
  }

  private void writeAndAnnounce(
      LandingObject object,
      DatasetContract contract,
      Path file,
      String sha256,
      Inspection inspection,
      Instant receivedAt,
      LakePath bronze) {
    String dataset = contract.name();
    store.put(
        dataset,
        bronze,
        file,
        "application/octet-stream",
        Map.of(
            ObjectMetadata.SOURCE, contract.source().name(),
            ObjectMetadata.LANDING_KEY, object.key(),
            ObjectMetadata.SIZE, Long.toString(object.size()),
            ObjectMetadata.SHA256, sha256,
            ObjectMetadata.RECEIVED_AT, receivedAt.toString(),
            ObjectMetadata.FORMAT, inspection.format(),
            ObjectMetadata.RECORD_COUNT, Long.toString(inspection.records())));
    announcer.announce(dataset, bronze, Math.max(0, inspection.records()), "landing");
    metrics.received(dataset, Math.max(0, inspection.records()), object.size());
  }

  private Outcome quarantined(LandingObject object, String quarantineKey) {
    ledger.markHandled(object, "quarantine", quarantineKey);
    return Outcome.QUARANTINED;
  }

  /** The contract whose landing source is the longest folder prefix of the key. */
  private Optional<DatasetContract> route(String key) {
    String folder = key.substring("landing/".length(), Math.max(key.lastIndexOf('/'), 8));
    return contracts.all().stream()
        .filter(c -> c.source().channel() == SourceChannel.LANDING)
        .filter(c -> folder.equals(c.source().name()) || folder.startsWith(c.source().name() + "/"))
        .max(Comparator.comparingInt(c -> c.source().name().length()));
  }

  private Path download(LandingObject object) {
    try {
      Path file = Files.createTempFile("c360-drop-", ".bin");
      Files.delete(file);
      s3.getObject(b -> b.bucket(store.bucket()).key(object.key()), file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary file for " + object.key(), e);
    }
  }

  private static String sha256(Path file) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return ObjectNames.hex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot hash " + file, e);
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete temporary file={}", file);
    }
  }
}

package io.customer360.loader.load;

import io.customer360.common.gold.GoldContract;
import io.customer360.common.gold.LoadMode;
import io.customer360.common.gold.ModelContract;
import io.customer360.common.pipeline.GoldReady;
import io.customer360.loader.failure.LoadFailedException;
import io.customer360.loader.stage.PartitionCopy;
import io.customer360.loader.stage.Stager;
import io.customer360.loader.warehouse.DateDimension;
import io.customer360.loader.warehouse.LoadContext;
import io.customer360.loader.warehouse.LoadPlan;
import io.customer360.loader.warehouse.ReplacePartitions;
import io.customer360.loader.warehouse.Sql;
import io.customer360.loader.warehouse.WarehouseFlavour;
import io.customer360.loader.warehouse.WarehouseSqlException;
import io.customer360.loader.warehouse.WarehouseTargets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one gold batch in one transaction: lock the model → skip if the manifest has the batch →
 * skip partitions a newer batch already holds → stage and check → apply the model's {@link
 * LoadPlan} → record the manifest → commit. Partition-replaced models on PostgreSQL empty their
 * partitions and copy the batch straight into them instead of staging ({@link
 * Stager#copiesIntoPartitions}). Any failure rolls everything back, so the warehouse holds all of a
 * batch or none of it.
 *
 * <p>Every announced partition of a partition-replaced model is replaced by exactly the batch's
 * rows in it: a partition with no rows in the batch's objects, or a batch with no objects at all (a
 * partition that became empty in gold), is emptied, and recorded like any other load.
 */
public final class GoldBatchLoader {

  private static final Logger log = LoggerFactory.getLogger(GoldBatchLoader.class);
  private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9._:=-]{1,128}");

  private final DataSource dataSource;
  private final GoldContract contract;
  private final WarehouseTargets targets;
  private final Stager stager;
  private final WarehouseFlavour flavour;
  private final String bucket;
  private final LoadManifest manifest = new LoadManifest();
  private final BatchChecks checks;
  private final DateDimension dates;
  private final LoadMetrics metrics;
  private final LoadObserver observer;
  private final Clock clock;
  private final EventTimeColumns eventTimes;

  /** A loader that measures no model's freshness. */
  public GoldBatchLoader(
      DataSource dataSource,
      GoldContract contract,
      Stager stager,
      WarehouseFlavour flavour,
      String bucket,
      LoadMetrics metrics,
      LoadObserver observer,
      Clock clock) {
    this(
        dataSource,
        contract,
        stager,
        flavour,
        bucket,
        metrics,
        observer,
        clock,
        EventTimeColumns.NONE);
  }

  /**
   * @param bucket the lake bucket; batches announcing another bucket are refused
   * @param observer told of progress inside the transaction
   * @param eventTimes the models whose freshness is measured, and their event-time columns
   */
  public GoldBatchLoader(
      DataSource dataSource,
      GoldContract contract,
      Stager stager,
      WarehouseFlavour flavour,
      String bucket,
      LoadMetrics metrics,
      LoadObserver observer,
      Clock clock,
      EventTimeColumns eventTimes) {
    this.dataSource = dataSource;
    this.contract = contract;
    this.targets = WarehouseTargets.forContract(contract);
    this.stager = stager;
    this.flavour = flavour;
    this.bucket = bucket;
    this.checks = new BatchChecks(flavour);
    this.dates = new DateDimension(flavour);
    this.metrics = metrics;
    this.observer = observer;
    this.clock = clock;
    this.eventTimes = eventTimes;
  }

  /**
   * Loads a batch, or does nothing if it was loaded before.
   *
   * @throws LoadFailedException when the load failed and was rolled back
   */
  public LoadOutcome load(GoldReady batch) {
    String model = batch.dataset() == null ? "unknown" : batch.dataset();
    try {
      LoadOutcome outcome = loadOnce(batch);
      if (outcome instanceof LoadOutcome.Loaded loaded) {
        metrics.loaded(model, loaded.rowsStaged(), loaded.duration());
        if (loaded.newestEvent() != null) {
          metrics.fresh(model, Duration.between(loaded.newestEvent(), clock.instant()));
        }
      } else {
        metrics.skipped(model, outcome.kind());
      }
      return outcome;
    } catch (RuntimeException e) {
      LoadFailedException failure = LoadFailedException.classify(e);
      metrics.failed(model, failure.reason());
      throw failure;
    }
  }

  private LoadOutcome loadOnce(GoldReady batch) {
    ModelContract model =
        contract
            .model(batch.dataset())
            .orElseThrow(
                () ->
                    LoadFailedException.permanent(
                        "unknown_model",
                        "No gold model '" + batch.dataset() + "' in the contract"));
    validate(model, batch);
    LoadPlan plan = targets.plan(model.name()).orElseThrow();
    BatchPartitions announced =
        model.load() == LoadMode.REPLACE_PARTITIONS
            ? BatchPartitions.parse(model, batch.partitions())
            : null;
    Instant started = clock.instant();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        LoadOutcome outcome = inTransaction(connection, model, plan, batch, announced, started);
        connection.commit();
        return outcome;
      } catch (RuntimeException | SQLException e) {
        rollbackQuietly(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new WarehouseSqlException("Load transaction of " + model.name(), e);
    }
  }

  private LoadOutcome inTransaction(
      Connection connection,
      ModelContract model,
      LoadPlan plan,
      GoldReady batch,
      BatchPartitions announced,
      Instant started) {
    Sql.of(flavour.lock(model.name())).execute(connection);
    for (String resource : plan.sharedLocks()) {
      Sql.of(flavour.lock(resource)).execute(connection);
    }
    if (manifest.contains(connection, model.name(), batch.batchId())) {
      return new LoadOutcome.AlreadyLoaded(model.name(), batch.batchId());
    }
    BatchPartitions apply = null;
    if (announced != null) {
      apply =
          announced.only(
              manifest.partitionsToApply(connection, model.name(), announced, batch.producedAt()));
      if (apply.isEmpty()) {
        manifest.record(connection, batch, "superseded", 0, elapsed(started), clock.instant());
        return new LoadOutcome.Superseded(model.name(), batch.batchId());
      }
    }
    long rows =
        plan instanceof ReplacePartitions replace && stager.copiesIntoPartitions()
            ? copyIntoPartitions(connection, model, replace, batch, announced, apply)
            : stageAndApply(connection, model, plan, batch, announced, apply);
    if (apply != null) {
      manifest.recordPartitions(connection, model.name(), apply, batch, clock.instant());
    }
    Instant newestEvent = newestEvent(connection, model, plan, apply);
    Duration duration = elapsed(started);
    manifest.record(connection, batch, "loaded", rows, duration, clock.instant());
    return new LoadOutcome.Loaded(
        model.name(),
        batch.batchId(),
        rows,
        apply == null ? List.of() : apply.specs(),
        duration,
        newestEvent);
  }

  /** The newest event time in the partitions just replaced, or null when not measured. */
  private Instant newestEvent(
      Connection connection, ModelContract model, LoadPlan plan, BatchPartitions apply) {
    Optional<String> column = eventTimes.column(model.name());
    if (column.isEmpty() || apply == null || !(plan instanceof ReplacePartitions replace)) {
      return null;
    }
    return replace
        .newest(column.get(), apply.column(), apply.dates())
        .queryForInstant(connection)
        .orElse(null);
  }

  /** Empties the partitions, then has the stager copy the batch straight into them. */
  private long copyIntoPartitions(
      Connection connection,
      ModelContract model,
      ReplacePartitions plan,
      GoldReady batch,
      BatchPartitions announced,
      BatchPartitions apply) {
    dates.ensure(connection, apply.dates());
    plan.delete(announced.column(), apply.dates()).execute(connection);
    long rows =
        stager.copyIntoPartitions(
            connection,
            model,
            batch,
            new PartitionCopy(
                plan, announced.column(), announced.dates(), apply.dates(), batch.batchId()));
    observer.staged(model.name(), batch.batchId(), rows);
    BatchChecks.rowCount(model, batch, rows);
    return rows;
  }

  /** Stages the batch in a temporary table, checks it, and applies the plan's statements. */
  private long stageAndApply(
      Connection connection,
      ModelContract model,
      LoadPlan plan,
      GoldReady batch,
      BatchPartitions announced,
      BatchPartitions apply) {
    String stageTable = "stage_" + model.name();
    long rows = stager.stage(connection, model, batch, stageTable);
    observer.staged(model.name(), batch.batchId(), rows);
    checks.stage(connection, model, batch, stageTable, rows, announced);
    List<LocalDate> days = apply == null ? List.of() : apply.dates();
    dates.ensure(connection, days);
    LoadContext context = new LoadContext(model, stageTable, batch.batchId(), days, flavour);
    for (Sql statement : plan.statements(context)) {
      long start = System.nanoTime();
      long changed = statement.execute(connection);
      if (log.isDebugEnabled()) {
        log.debug(
            "Load statement model={} rows={} ms={} sql={}",
            model.name(),
            changed,
            (System.nanoTime() - start) / 1_000_000,
            statement.text().substring(0, Math.min(60, statement.text().length())));
      }
    }
    Sql.of("DROP TABLE " + stageTable).execute(connection);
    return rows;
  }

  private void validate(ModelContract model, GoldReady batch) {
    if (batch.batchId() == null || !BATCH_ID.matcher(batch.batchId()).matches()) {
      throw LoadFailedException.permanent(
          "invalid_message",
          "batchId must be 1-128 of A-Z a-z 0-9 . _ : = -, got '" + batch.batchId() + "'");
    }
    if (!bucket.equals(batch.bucket())) {
      throw LoadFailedException.permanent(
          "foreign_object",
          "Batch " + batch.batchId() + " is in bucket " + batch.bucket() + ", not " + bucket);
    }
    if (batch.objectKeys().isEmpty() && model.load() != LoadMode.REPLACE_PARTITIONS) {
      throw LoadFailedException.permanent(
          "invalid_message",
          model.name()
              + " batch "
              + batch.batchId()
              + " announces no objects; only a replace_partitions batch may, to empty the"
              + " partitions it lists");
    }
  }

  private Duration elapsed(Instant started) {
    return Duration.between(started, clock.instant());
  }

  private static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // The connection is gone (the server rolls back on its own); keep the original failure.
      cause.addSuppressed(e);
    }
  }
}

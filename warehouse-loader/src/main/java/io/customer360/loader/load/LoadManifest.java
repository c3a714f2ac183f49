package io.customer360.loader.load;

import io.customer360.common.pipeline.GoldReady;
import io.customer360.loader.warehouse.Sql;
import io.customer360.loader.warehouse.WarehouseSqlException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The loader's bookkeeping in {@code ops}: which batches were applied ({@code load_manifest}) and
 * which batch each partition holds ({@code load_partition}). Read and written inside the load's
 * transaction, so they change exactly when the data does.
 */
final class LoadManifest {

  private static final String INSERT_BATCH =
      "INSERT INTO ops.load_manifest (model, batch_id, correlation_id, produced_at, loaded_at,"
          + " outcome, partitions, object_count, gold_row_count, rows_staged, duration_ms)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_PARTITION =
      "INSERT INTO ops.load_partition (model, partition_spec, batch_id, produced_at, loaded_at)"
          + " VALUES (?, ?, ?, ?, ?)";

  /** Whether the batch was already applied. */
  boolean contains(Connection connection, String model, String batchId) {
    return Sql.of(
                "SELECT COUNT(*) FROM ops.load_manifest WHERE model = ? AND batch_id = ?",
                model,
                batchId)
            .queryForLong(connection)
        > 0;
  }

  /**
   * The announced partitions this batch may replace: those no newer batch has already filled. A
   * partition holding a batch produced at the same time or earlier is replaced.
   */
  List<LocalDate> partitionsToApply(
      Connection connection, String model, BatchPartitions announced, Instant producedAt) {
    Map<String, Instant> held = producedAtOfHeld(connection, model, announced.specs());
    List<LocalDate> apply = new ArrayList<>();
    announced
        .byDate()
        .forEach(
            (date, spec) -> {
              Instant holder = held.get(spec);
              if (holder == null || !holder.isAfter(producedAt)) {
                apply.add(date);
              }
            });
    return apply;
  }

  /** Records that these partitions now hold this batch. */
  void recordPartitions(
      Connection connection, String model, BatchPartitions applied, GoldReady batch, Instant at) {
    if (applied.isEmpty()) {
      return;
    }
    List<Object> parameters = new ArrayList<>();
    parameters.add(model);
    parameters.addAll(applied.specs());
    new Sql(
            "DELETE FROM ops.load_partition WHERE model = ? AND partition_spec IN ("
                + placeholders(applied.specs().size())
                + ")",
            parameters)
        .execute(connection);
    try (PreparedStatement insert = connection.prepareStatement(INSERT_PARTITION)) {
      for (String spec : applied.specs()) {
        insert.setString(1, model);
        insert.setString(2, spec);
        insert.setString(3, batch.batchId());
        insert.setObject(4, utc(batch.producedAt()));
        insert.setObject(5, utc(at));
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw WarehouseSqlException.statement(INSERT_PARTITION, e);
    }
  }

  /** Records the batch as applied (or superseded). */
  void record(
      Connection connection,
      GoldReady batch,
      String outcome,
      long rowsStaged,
      Duration duration,
      Instant at) {
    Sql.of(
            INSERT_BATCH,
            batch.dataset(),
            batch.batchId(),
            batch.correlationId(),
            utc(batch.producedAt()),
            utc(at),
            outcome,
            String.join(",", batch.partitions()),
            batch.objectKeys().size(),
            batch.rowCount(),
            rowsStaged,
            duration.toMillis())
        .execute(connection);
  }

  private static Map<String, Instant> producedAtOfHeld(
      Connection connection, String model, List<String> specs) {
    String query =
        "SELECT partition_spec, produced_at FROM ops.load_partition WHERE model = ?"
            + " AND partition_spec IN ("
            + placeholders(specs.size())
            + ")";
    Map<String, Instant> held = new HashMap<>();
    try (PreparedStatement select = connection.prepareStatement(query)) {
      select.setString(1, model);
      for (int i = 0; i < specs.size(); i++) {
        select.setString(i + 2, specs.get(i));
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          held.put(rows.getString(1), rows.getObject(2, OffsetDateTime.class).toInstant());
        }
      }
    } catch (SQLException e) {
      throw WarehouseSqlException.statement(query, e);
    }
    return held;
  }

  private static String placeholders(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}

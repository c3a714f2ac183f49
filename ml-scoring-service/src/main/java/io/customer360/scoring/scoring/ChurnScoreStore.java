package io.customer360.scoring.scoring;

import io.customer360.scoring.features.SqlIdentifier;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The warehouse {@code churn_scores} table: {@code customer_id, feature_snapshot_date,
 * model_version, scored_at (TIMESTAMPTZ or UTC TIMESTAMP), score, risk_band (low/medium/high),
 * top_features (JSON text)}. A batch replaces one feature snapshot's rows in one transaction, so
 * readers see the old scores or the new ones, never a mix.
 */
public class ChurnScoreStore {

  private static final String COLUMNS =
      "customer_id, feature_snapshot_date, model_version, scored_at, score, risk_band, top_features";
  private static final java.util.Calendar UTC =
      java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone(ZoneOffset.UTC));
  private static final int BATCH = 1_000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final String table;
  private final JsonMapper json;

  public ChurnScoreStore(
      JdbcTemplate jdbc, TransactionTemplate transactions, String table, JsonMapper json) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.table = SqlIdentifier.qualified(table);
    this.json = json;
  }

  /** Replaces every score of one feature snapshot date with these, atomically. */
  public void replace(LocalDate snapshotDate, List<ChurnScore> scores) {
    String insert = "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    transactions.executeWithoutResult(
        status -> {
          jdbc.update(
              "DELETE FROM " + table + " WHERE feature_snapshot_date = ?",
              java.sql.Date.valueOf(snapshotDate));
          for (int from = 0; from < scores.size(); from += BATCH) {
            List<ChurnScore> chunk = scores.subList(from, Math.min(scores.size(), from + BATCH));
            jdbc.batchUpdate(
                insert,
                chunk,
                chunk.size(),
                (ps, s) -> {
                  ps.setString(1, s.customerId());
                  ps.setDate(2, java.sql.Date.valueOf(s.featureSnapshotDate()));
                  ps.setString(3, s.modelVersion());
                  ps.setTimestamp(4, Timestamp.from(s.scoredAt()), UTC);
                  ps.setDouble(5, s.score());
                  ps.setString(6, s.riskBand().code());
                  ps.setString(7, json.writeValueAsString(s.topFeatures()));
                });
          }
        });
  }

  /** Rows of a snapshot scored by a model version. */
  public long count(LocalDate snapshotDate, String modelVersion) {
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM "
                + table
                + " WHERE feature_snapshot_date = ? AND model_version = ?",
            Long.class,
            java.sql.Date.valueOf(snapshotDate),
            modelVersion);
    return n == null ? 0 : n;
  }

  /** The latest scored feature snapshot date. */
  public Optional<LocalDate> latestSnapshotDate() {
    java.sql.Date d =
        jdbc.queryForObject("SELECT MAX(feature_snapshot_date) FROM " + table, java.sql.Date.class);
    return Optional.ofNullable(d).map(java.sql.Date::toLocalDate);
  }

  /**
   * The most at-risk customers of the latest scored snapshot, highest score first.
   *
   * @param band only this band, or {@code null}
   * @param minScore only scores at or above, or {@code null}
   */
  public ScorePage page(RiskBand band, Double minScore, int limit, int offset) {
    Optional<LocalDate> latest = latestSnapshotDate();
    if (latest.isEmpty()) {
      return new ScorePage(null, limit, offset, List.of());
    }
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(COLUMNS)
            .append(" FROM ")
            .append(table)
            .append(" WHERE feature_snapshot_date = ?");
    List<Object> args = new ArrayList<>();
    args.add(java.sql.Date.valueOf(latest.get()));
    if (band != null) {
      sql.append(" AND risk_band = ?");
      args.add(band.code());
    }
    if (minScore != null) {
      sql.append(" AND score >= ?");
      args.add(minScore);
    }
    sql.append(" ORDER BY score DESC, customer_id LIMIT ? OFFSET ?");
    args.add(limit);
    args.add(offset);
    List<ChurnScore> items = jdbc.query(sql.toString(), (rs, n) -> row(rs), args.toArray());
    return new ScorePage(latest.get(), limit, offset, items);
  }

  private ChurnScore row(ResultSet rs) throws SQLException {
    List<FeatureContribution> top =
        json.readValue(rs.getString("top_features"), new TypeReference<>() {});
    return new ChurnScore(
        rs.getString("customer_id"),
        rs.getDouble("score"),
        RiskBand.ofCode(rs.getString("risk_band")),
        top,
        rs.getString("model_version"),
        rs.getDate("feature_snapshot_date").toLocalDate(),
        rs.getTimestamp("scored_at", UTC).toInstant());
  }
}

package io.customer360.scoring.features;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;

/**
 * The {@code customer_features} table in the warehouse (PostgreSQL locally, Redshift in AWS): one
 * row per customer and snapshot date. Reads for training (every labelled snapshot), batch scoring
 * (one snapshot date) and online scoring (a customer's latest snapshot).
 */
public class WarehouseFeatures {

  private static final int FETCH_SIZE = 10_000;

  private final JdbcTemplate jdbc;
  private final String table;
  private final TableLayout layout;

  /**
   * @param jdbc the warehouse
   * @param table the feature table, optionally schema-qualified
   * @param layout its id, date and label columns
   */
  public WarehouseFeatures(JdbcTemplate jdbc, String table, TableLayout layout) {
    this.jdbc = new JdbcTemplate(jdbc.getDataSource());
    this.jdbc.setFetchSize(FETCH_SIZE);
    this.table = SqlIdentifier.qualified(table);
    this.layout = layout;
    SqlIdentifier.of(layout.idColumn());
    SqlIdentifier.of(layout.dateColumn());
    SqlIdentifier.of(layout.labelColumn());
  }

  /** The table's layout. */
  public TableLayout layout() {
    return layout;
  }

  /**
   * Every labelled snapshot on or after {@code from}, with the feature set discovered from the
   * table's numeric and boolean columns.
   */
  public FeatureFrame labelledSince(LocalDate from) {
    String sql =
        "SELECT * FROM "
            + table
            + " WHERE "
            + layout.labelColumn()
            + " IS NOT NULL AND "
            + layout.dateColumn()
            + " >= ? ORDER BY "
            + layout.dateColumn()
            + ", "
            + layout.idColumn();
    return jdbc.query(
        sql,
        (ResultSetExtractor<FeatureFrame>)
            rs -> FrameReader.read(rs, layout, FrameReader.discover(rs.getMetaData(), layout)),
        java.sql.Date.valueOf(from));
  }

  /** Every labelled snapshot on or after {@code from}, read with a given feature set. */
  public FeatureFrame labelledSince(LocalDate from, FeatureSchema schema) {
    String sql =
        "SELECT * FROM "
            + table
            + " WHERE "
            + layout.labelColumn()
            + " IS NOT NULL AND "
            + layout.dateColumn()
            + " >= ?";
    return jdbc.query(
        sql,
        (ResultSetExtractor<FeatureFrame>) rs -> FrameReader.read(rs, layout, schema),
        java.sql.Date.valueOf(from));
  }

  /** Every customer's row of one snapshot date, for batch scoring. */
  public FeatureFrame snapshot(LocalDate date, FeatureSchema schema) {
    String sql =
        "SELECT * FROM "
            + table
            + " WHERE "
            + layout.dateColumn()
            + " = ? ORDER BY "
            + layout.idColumn();
    return jdbc.query(
        sql,
        (ResultSetExtractor<FeatureFrame>) rs -> FrameReader.read(rs, layout, schema),
        java.sql.Date.valueOf(date));
  }

  /** A customer's latest snapshot, if the table has one. */
  public Optional<FeatureFrame> latest(String customerId, FeatureSchema schema) {
    String sql =
        "SELECT * FROM "
            + table
            + " WHERE "
            + layout.idColumn()
            + " = ? ORDER BY "
            + layout.dateColumn()
            + " DESC LIMIT 1";
    FeatureFrame frame =
        jdbc.query(
            sql,
            (ResultSetExtractor<FeatureFrame>) rs -> FrameReader.read(rs, layout, schema),
            customerId);
    return frame == null || frame.rows() == 0 ? Optional.empty() : Optional.of(frame);
  }

  /** The newest snapshot date whose label is known. */
  public Optional<LocalDate> latestLabelledSnapshotDate() {
    return Optional.ofNullable(
        jdbc.query(
            "SELECT MAX("
                + layout.dateColumn()
                + ") FROM "
                + table
                + " WHERE "
                + layout.labelColumn()
                + " IS NOT NULL",
            (ResultSetExtractor<LocalDate>) rs -> rs.next() ? FrameReader.date(rs, 1) : null));
  }

  /** The newest snapshot date in the table. */
  public Optional<LocalDate> latestSnapshotDate() {
    return Optional.ofNullable(
        jdbc.query(
            "SELECT MAX(" + layout.dateColumn() + ") FROM " + table,
            (ResultSetExtractor<LocalDate>) rs -> rs.next() ? FrameReader.date(rs, 1) : null));
  }
}

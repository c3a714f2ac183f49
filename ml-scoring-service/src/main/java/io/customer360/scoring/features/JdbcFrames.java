package io.customer360.scoring.features;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;

/** Reads any query's rows into a frame with a discovered feature set. */
public final class JdbcFrames {

  private JdbcFrames() {}

  /** Runs a query; features are its numeric and boolean columns not reserved by the layout. */
  public static FeatureFrame read(JdbcTemplate jdbc, String sql, TableLayout layout) {
    return jdbc.query(
        sql,
        (ResultSetExtractor<FeatureFrame>)
            rs -> FrameReader.read(rs, layout, FrameReader.discover(rs.getMetaData(), layout)));
  }
}

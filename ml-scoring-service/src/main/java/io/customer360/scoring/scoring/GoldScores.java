package io.customer360.scoring.scoring;

import io.customer360.common.lake.LakePath;
import io.customer360.common.lake.Partition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a snapshot's scores to gold as one Parquet file, {@code
 * gold/churn_scores/snapshot_date=YYYY-MM-DD/part-0.parquet}, with the warehouse table's columns in
 * its order ({@code scored_at} as a UTC TIMESTAMP). DuckDB writes the file locally (it has no S3
 * access of its own here); the SDK uploads it, so a rerun overwrites the same object.
 */
public class GoldScores {

  private static final String DDL =
      "CREATE TABLE scores (customer_id VARCHAR, feature_snapshot_date DATE,"
          + " model_version VARCHAR, scored_at TIMESTAMP, score DOUBLE, risk_band VARCHAR,"
          + " top_features VARCHAR)";

  private final S3Client s3;
  private final String bucket;
  private final String model;
  private final JsonMapper json;

  public GoldScores(S3Client s3, String bucket, String model, JsonMapper json) {
    this.s3 = s3;
    this.bucket = bucket;
    this.model = model;
    this.json = json;
  }

  /** The object key of a snapshot's scores. */
  public String key(LocalDate snapshotDate) {
    return LakePath.gold(
            model,
            List.of(new Partition("snapshot_date", snapshotDate.toString())),
            "part-0.parquet")
        .key();
  }

  /** Writes (or overwrites) a snapshot's scores and returns the object key. */
  public String write(LocalDate snapshotDate, List<ChurnScore> scores) {
    Path file = null;
    try {
      file = Files.createTempFile("churn-scores-", ".parquet");
      Files.delete(file);
      writeParquet(file, scores);
      String key = key(snapshotDate);
      s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot stage the churn scores Parquet file", e);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB could not write churn scores: " + e.getMessage(), e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a leftover temp file is harmless
        }
      }
    }
  }

  private void writeParquet(Path file, List<ChurnScore> scores) throws SQLException {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duck.createStatement()) {
      st.execute(DDL);
      try (DuckDBAppender appender =
          duck.unwrap(DuckDBConnection.class)
              .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "scores")) {
        for (ChurnScore s : scores) {
          appender.beginRow();
          appender.append(s.customerId());
          appender.append(s.featureSnapshotDate());
          appender.append(s.modelVersion());
          appender.append(LocalDateTime.ofInstant(s.scoredAt(), ZoneOffset.UTC));
          appender.append(s.score());
          appender.append(s.riskBand().code());
          appender.append(json.writeValueAsString(s.topFeatures()));
          appender.endRow();
        }
      }
      String path = file.toAbsolutePath().toString().replace("'", "''");
      st.execute("COPY scores TO '" + path + "' (FORMAT PARQUET)");
    }
  }
}

package io.customer360.scoring.training;

import io.customer360.apisecurity.problem.InvalidParameterException;
import io.customer360.common.lake.S3Uri;
import io.customer360.scoring.features.FeatureFrame;
import io.customer360.scoring.features.FileFeatures;
import io.customer360.scoring.features.SqlIdentifier;
import io.customer360.scoring.features.TableLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Generic mode behind the REST endpoint: loads a warehouse table or an S3 file named in the request
 * and cross-validates on it.
 */
public class GenericCrossValidation {

  private static final int DEFAULT_FOLDS = 5;

  private final JdbcTemplate jdbc;
  private final S3Client s3;
  private final GbtParameters gbt;
  private final double baselineL2;

  public GenericCrossValidation(
      JdbcTemplate jdbc, S3Client s3, GbtParameters gbt, double baselineL2) {
    this.jdbc = jdbc;
    this.s3 = s3;
    this.gbt = gbt;
    this.baselineL2 = baselineL2;
  }

  /** Runs the request. */
  public CrossValidationReport run(CrossValidationRequest request) {
    boolean hasTable = request.table() != null && !request.table().isBlank();
    boolean hasFile = request.file() != null && !request.file().isBlank();
    if (hasTable == hasFile) {
      throw new InvalidParameterException("table", "give exactly one of 'table' and 'file'");
    }
    TableLayout layout =
        new TableLayout(
            identifier("idColumn", request.idColumn()),
            identifier("dateColumn", request.dateColumn()),
            identifier("labelColumn", request.labelColumn()),
            request.excludedColumns());
    identifier("rowFilter", request.rowFilter());
    FeatureFrame frame = hasTable ? fromTable(request, layout) : fromFile(request, layout);
    int folds = request.folds() == null ? DEFAULT_FOLDS : request.folds();
    return CrossValidation.run(frame, folds, gbt, baselineL2, gbt.seed());
  }

  private FeatureFrame fromTable(CrossValidationRequest request, TableLayout layout) {
    String table;
    try {
      table = SqlIdentifier.qualified(request.table());
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("table", e.getMessage());
    }
    String sql = "SELECT * FROM " + table;
    if (request.rowFilter() != null && !request.rowFilter().isBlank()) {
      sql += " WHERE " + request.rowFilter();
    }
    return io.customer360.scoring.features.JdbcFrames.read(jdbc, sql, layout);
  }

  private FeatureFrame fromFile(CrossValidationRequest request, TableLayout layout) {
    S3Uri uri;
    try {
      uri = S3Uri.of(request.file());
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("file", e.getMessage());
    }
    String name = uri.key().substring(uri.key().lastIndexOf('/') + 1);
    Path dir = null;
    try {
      dir = Files.createTempDirectory("c360-cv-");
      Path local = dir.resolve(name.isEmpty() ? "features.csv" : name);
      s3.getObject(b -> b.bucket(uri.bucket()).key(uri.key()), local);
      return FileFeatures.read(local, layout, request.rowFilter());
    } catch (SdkException e) {
      throw new InvalidParameterException("file", "cannot download " + uri + ": " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(dir);
    }
  }

  private static String identifier(String parameter, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return SqlIdentifier.of(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(parameter, e.getMessage());
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // temp files only
    }
  }
}

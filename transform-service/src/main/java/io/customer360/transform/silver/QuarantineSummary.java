package io.customer360.transform.silver;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.AwsSettings;
import io.customer360.common.aws.PlatformResources;
import io.customer360.common.lake.LakePath;
import io.customer360.common.lake.LakeZone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.util.FileSystemUtils;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The quarantine summary of a dataset: records per ingest day and primary reason code, read from
 * the quarantine Parquet files (which Athena can query the same way through the catalog).
 *
 * <pre>
 * java -cp transform-service-exec.jar -Dloader.main=io.customer360.transform.silver.QuarantineSummary \
 *   org.springframework.boot.loader.launch.PropertiesLauncher clickstream 2026-01-01 2026-01-07
 * </pre>
 */
public final class QuarantineSummary {

  private QuarantineSummary() {}

  public static void main(String[] args) {
    S3Client s3 = new AwsClientFactory(AwsSettings.fromSystem()).s3();
    summarize(
            s3,
            PlatformResources.LAKE_BUCKET,
            args[0],
            LocalDate.parse(args[1]),
            LocalDate.parse(args[2]))
        .forEach((key, count) -> System.out.println(key + "," + count));
  }

  /** Quarantined records keyed {@code ingest_date,reason}, over a range of ingest days. */
  public static Map<String, Long> summarize(
      S3Client s3, String bucket, String dataset, LocalDate from, LocalDate to) {
    Path dir;
    try {
      dir = Files.createTempDirectory("c360-quarantine");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary directory", e);
    }
    try {
      int files = 0;
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        String prefix = LakePath.ingestDayPrefix(LakeZone.QUARANTINE, dataset, day);
        List<String> keys =
            s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .filter(k -> k.endsWith(".parquet"))
                .toList();
        for (String key : keys) {
          Path file = dir.resolve(key);
          Files.createDirectories(file.getParent());
          s3.getObject(b -> b.bucket(bucket).key(key), file);
          files++;
        }
      }
      return files == 0 ? Map.of() : count(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot download quarantine files", e);
    } finally {
      FileSystemUtils.deleteRecursively(dir.toFile());
    }
  }

  private static Map<String, Long> count(Path dir) {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duckdb.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT ingest_date || ',' || reason, count(*) FROM read_parquet("
                    + SilverSql.literal(dir + "/**/*.parquet")
                    + ", hive_partitioning = true, hive_types_autocast = false) GROUP BY 1")) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot summarize quarantine files: " + e.getMessage(), e);
    }
    return counts;
  }
}

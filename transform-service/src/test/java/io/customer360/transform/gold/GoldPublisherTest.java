package io.customer360.transform.gold;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.AwsSettings;
import io.customer360.infra.local.internal.EmbeddedS3;
import io.customer360.infra.local.internal.FreePort;
import io.customer360.transform.gold.model.GoldBuild;
import io.customer360.transform.gold.model.GoldModel;
import io.customer360.transform.gold.model.GoldModels;
import io.customer360.transform.lake.LakeStore;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What {@link GoldPublisher} writes and reports when partitions lose their rows, on model tables
 * made by hand in DuckDB and a lake on the S3 emulator.
 */
class GoldPublisherTest {

  private static final String BUCKET = "c360-gold-publisher";
  private static final GoldModels MODELS = GoldModels.load();

  @TempDir Path dir;
  private EmbeddedS3 emulator;
  private S3Client s3;
  private LakeStore lake;
  private Connection duckdb;
  private GoldBuild build;
  private GoldPublisher publisher;

  @BeforeEach
  void start() throws Exception {
    int port = FreePort.resolve(0);
    emulator = EmbeddedS3.start(port, Optional.empty(), "gold", "gold-secret");
    s3 =
        new AwsClientFactory(
                new AwsSettings(
                    "us-east-1",
                    "gold",
                    "gold-secret",
                    new AwsSettings.Endpoints(
                        URI.create("http://127.0.0.1:" + port), null, null, null, null),
                    true))
            .s3();
    s3.createBucket(b -> b.bucket(BUCKET));
    lake = new LakeStore(s3, BUCKET);
    duckdb = DriverManager.getConnection("jdbc:duckdb:");
    execute("SET TimeZone = 'UTC'");
    build = new GoldBuild(duckdb, MODELS);
    publisher = new GoldPublisher(lake);
  }

  @AfterEach
  void stop() throws Exception {
    duckdb.close();
    s3.close();
    emulator.close();
  }

  @Test
  void listsAnEmptiedPartitionWithoutAnObjectBesideTheObjectsOfChangedOnes() throws Exception {
    GoldModel returns = MODELS.get("returns");
    createTable(returns);
    insertReturn("r-1", "2026-01-03");
    insertReturn("r-2", "2026-01-04");
    publish(returns).orElseThrow();

    execute("DELETE FROM returns WHERE return_id = 'r-1'");
    insertReturn("r-3", "2026-01-04");
    GoldPublisher.Published mixed = publish(returns).orElseThrow();

    assertThat(mixed.partitions())
        .containsExactly("return_date=2026-01-03", "return_date=2026-01-04");
    assertThat(mixed.objectKeys())
        .containsExactly("gold/returns/return_date=2026-01-04/part-0.parquet");
    assertThat(mixed.rows()).isEqualTo(2);
    assertThat(lake.list("gold/returns/return_date="))
        .containsExactly("gold/returns/return_date=2026-01-04/part-0.parquet");

    execute("DELETE FROM returns");
    GoldPublisher.Published emptied = publish(returns).orElseThrow();

    assertThat(emptied.partitions()).containsExactly("return_date=2026-01-04");
    assertThat(emptied.objectKeys()).isEmpty();
    assertThat(emptied.rows()).isZero();
    assertThat(emptied.batchId()).isNotEqualTo(mixed.batchId());
    assertThat(lake.list("gold/returns/return_date=")).isEmpty();
    assertThat(publish(returns)).as("nothing changed since").isEmpty();
  }

  @Test
  void publishesAnUnpartitionedModelLeftWithoutRowsAsAnEmptyFileWithItsColumns() throws Exception {
    GoldModel campaigns = MODELS.get("campaigns");
    createTable(campaigns);
    execute("INSERT INTO campaigns (campaign_id) VALUES ('spring-sale')");
    publish(campaigns).orElseThrow();

    execute("DELETE FROM campaigns");
    GoldPublisher.Published emptied = publish(campaigns).orElseThrow();

    String key = "gold/campaigns/part-0.parquet";
    assertThat(emptied.partitions()).containsExactly("");
    assertThat(emptied.objectKeys()).containsExactly(key);
    assertThat(emptied.rows()).isZero();
    Path file = lake.download(key, dir.resolve(UUID.randomUUID() + ".parquet")).path();
    assertThat(query("SELECT count(*) FROM read_parquet('" + file + "')")).isZero();
    assertThat(query("SELECT count(*) FROM (DESCRIBE SELECT * FROM read_parquet('" + file + "'))"))
        .isEqualTo(campaigns.columns().size());
    assertThat(publish(campaigns)).as("nothing changed since").isEmpty();
  }

  private Optional<GoldPublisher.Published> publish(GoldModel model) {
    return publisher.publish(duckdb, build, model, dir.resolve("out-" + UUID.randomUUID()));
  }

  private void createTable(GoldModel model) throws SQLException {
    List<String> columns =
        model.columns().stream().map(c -> c.name() + " " + c.type().duckDbType()).toList();
    execute("CREATE TABLE " + model.name() + " (" + String.join(", ", columns) + ")");
  }

  private void insertReturn(String id, String day) throws SQLException {
    execute(
        "INSERT INTO returns (return_id, return_date) VALUES ('" + id + "', DATE '" + day + "')");
  }

  private void execute(String sql) throws SQLException {
    try (Statement st = duckdb.createStatement()) {
      st.execute(sql);
    }
  }

  private long query(String sql) throws SQLException {
    try (Statement st = duckdb.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

package io.customer360.loader.testing;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.PlatformResources;
import io.customer360.common.gold.GoldContract;
import io.customer360.infra.local.LocalEndpoints;
import io.customer360.loader.load.GoldBatchLoader;
import io.customer360.loader.load.LoadMetrics;
import io.customer360.loader.load.LoadObserver;
import io.customer360.loader.stage.PostgresCopyStager;
import io.customer360.loader.warehouse.WarehouseFlavour;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import org.postgresql.ds.PGSimpleDataSource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real loader on the local platform: a fresh migrated warehouse database, S3Proxy for the lake,
 * the PostgreSQL stager. Its connections are named {@value #APPLICATION_NAME} so a test can find
 * and kill them.
 */
public final class LoaderHarness {

  /** application_name of the loader's connections. */
  public static final String APPLICATION_NAME = "c360-loader-under-test";

  public final TestWarehouse warehouse;
  public final S3Client s3;
  public final GoldFixtures gold;
  public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final Path workDir = GoldFixtures.tempDir();

  public LoaderHarness(LocalEndpoints endpoints) {
    this.warehouse = TestWarehouse.migrated(endpoints);
    this.s3 = new AwsClientFactory(endpoints.awsSettings()).s3();
    this.gold = new GoldFixtures(s3, GoldFixtures.tempDir());
  }

  public GoldBatchLoader loader() {
    return loader(LoadObserver.NONE);
  }

  public GoldBatchLoader loader(LoadObserver observer) {
    return loader(observer, true);
  }

  /** A loader that stages partition-replaced batches and inserts them with SQL, as on Redshift. */
  public GoldBatchLoader stagingLoader() {
    return loader(LoadObserver.NONE, false);
  }

  private GoldBatchLoader loader(LoadObserver observer, boolean copyIntoPartitions) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(warehouse.url());
    dataSource.setUser(warehouse.user());
    dataSource.setApplicationName(APPLICATION_NAME);
    return new GoldBatchLoader(
        dataSource,
        GoldContract.load(),
        new PostgresCopyStager(s3, workDir, "256MB", copyIntoPartitions),
        WarehouseFlavour.POSTGRESQL,
        PlatformResources.LAKE_BUCKET,
        new LoadMetrics(meters),
        observer,
        Clock.systemUTC());
  }

  /** The count of a failure reason for a model, 0 if never counted. */
  public double failures(String model, String reason) {
    Counter counter =
        meters
            .find("c360.loader.load.failures")
            .tag("model", model)
            .tag("reason", reason)
            .counter();
    return counter == null ? 0 : counter.count();
  }
}

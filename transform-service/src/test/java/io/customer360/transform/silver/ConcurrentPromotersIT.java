package io.customer360.transform.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.contract.ContractRegistry;
import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatformExtension;
import io.customer360.transform.TransformProperties;
import io.customer360.transform.catalog.LakeCatalog;
import io.customer360.transform.engine.DuckDbSessions;
import io.customer360.transform.lake.LakeStore;
import io.customer360.transform.lock.DatasetLease;
import io.customer360.transform.lock.DatasetLockException;
import io.customer360.transform.lock.DatasetLocks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * Two transform-service instances (two promoters, each with its own work directory, DuckDB and lock
 * owner) promote different bronze objects of one dataset into the same two partitions at the same
 * moment, against the same lake (S3Proxy) and lease table (DynamoDB Local): silver ends with the
 * rows of both.
 *
 * <p>To make the race certain rather than likely, each promoter's lake store waits (up to {@link
 * #MEETING}) for the other where it lists a silver partition, the read of the read-merge-upload.
 * Without the lock both get there, read the same empty partitions, and the later upload replaces
 * the earlier one's rows. With the lock the second cannot get there while the first holds the
 * dataset, so the first waits in vain and goes on alone.
 */
@ExtendWith(LocalPlatformExtension.class)
class ConcurrentPromotersIT {

  private static final String BUCKET = "c360-concurrent-promoters";
  private static final String TABLE = "c360-transform-locks-concurrent-it";
  private static final Duration MEETING = Duration.ofSeconds(2);
  private static final Duration SHORT_LEASE = Duration.ofSeconds(2);
  private static final Instant RECEIVED = Instant.parse("2026-01-10T08:00:00Z");
  private static final List<String> DAYS = List.of("2026-01-05", "2026-01-06");

  @TempDir Path dir;

  @Test
  void twoInstancesMergingIntoTheSamePartitionsKeepEveryRow(LocalEndpoints endpoints)
      throws Exception {
    AwsClientFactory clients = new AwsClientFactory(endpoints.awsSettings());
    CyclicBarrier meeting = new CyclicBarrier(2);
    try (S3Client s3 = clients.s3();
        DynamoDbClient dynamo = clients.dynamoDb();
        DatasetLocks one = locks(dynamo, "instance-one");
        DatasetLocks two = locks(dynamo, "instance-two")) {
      createBucket(s3);
      String first = uploadWeather(s3, "first.csv", 10_001);
      String second = uploadWeather(s3, "second.csv", 20_001);
      SilverPromoter promoterOne = promoter(s3, meet(meeting), one, dir.resolve("one"));
      SilverPromoter promoterTwo = promoter(s3, meet(meeting), two, dir.resolve("two"));

      ExecutorService instances = Executors.newFixedThreadPool(2);
      try {
        Future<SilverPromoter.Result> a =
            instances.submit(() -> promoterOne.promote("weather", List.of(first)));
        Future<SilverPromoter.Result> b =
            instances.submit(() -> promoterTwo.promote("weather", List.of(second)));
        assertThat(a.get(2, TimeUnit.MINUTES).partitions())
            .containsExactly("event_date=2026-01-05", "event_date=2026-01-06");
        assertThat(b.get(2, TimeUnit.MINUTES).partitions())
            .containsExactly("event_date=2026-01-05", "event_date=2026-01-06");
      } finally {
        instances.shutdownNow();
      }

      assertThat(silverZipsByDay(s3))
          .as("distinct zip codes in silver by day")
          .isEqualTo(Map.of(DAYS.get(0), 80L, DAYS.get(1), 80L));
      assertThat(meeting.isBroken()).as("the two never listed a partition at once").isTrue();
    }
  }

  @Test
  void aPromoterWhoseLeaseWasTakenOverWhileItMergedWritesNothing(LocalEndpoints endpoints)
      throws Exception {
    AwsClientFactory clients = new AwsClientFactory(endpoints.awsSettings());
    String dataset = "weather";
    try (S3Client s3 = clients.s3();
        DynamoDbClient dynamo = clients.dynamoDb();
        DatasetLocks stalling = locks(dynamo, "stalling", SHORT_LEASE);
        DatasetLocks other = locks(dynamo, "other", SHORT_LEASE)) {
      createBucket(s3);
      String bronze = uploadWeather(s3, "stalled.csv", 30_001);
      AtomicReference<DatasetLease> takenOver = new AtomicReference<>();
      Runnable stall =
          () -> {
            if (takenOver.get() == null) {
              stalling.close(); // no more renewals, as in a long GC pause
              takenOver.set(other.acquire(dataset)); // once the lease has expired
            }
          };
      SilverPromoter promoter = promoter(s3, stall, stalling, dir.resolve("stalled"));
      LakeStore lake = new LakeStore(s3, BUCKET);
      Map<String, String> silverBefore = lake.listWithETags("silver/" + dataset + "/");
      Map<String, String> catalogBefore = lake.listWithETags("catalog/silver/" + dataset + "/");

      assertThatThrownBy(() -> promoter.promote(dataset, List.of(bronze)))
          .isInstanceOf(DatasetLockException.LeaseLost.class)
          .hasMessageContaining("no longer held by stalling");

      assertThat(lake.listWithETags("silver/" + dataset + "/")).isEqualTo(silverBefore);
      assertThat(lake.listWithETags("catalog/silver/" + dataset + "/")).isEqualTo(catalogBefore);
      takenOver.get().close();
    }
  }

  /** A weather drop of 40 zip codes from {@code firstZip}, observed on both days. */
  private static String uploadWeather(S3Client s3, String name, int firstZip) {
    StringBuilder csv =
        new StringBuilder(
            "zip,weather_date,kind,issued_date,temp_max_f,temp_min_f,precipitation_in,condition\n");
    for (String day : DAYS) {
      for (int zip = firstZip; zip < firstZip + 40; zip++) {
        csv.append(zip).append(',').append(day).append(",observed,").append(day);
        csv.append(",41.5,30.25,0.1,cloudy\n");
      }
    }
    String key = "bronze/weather/ingest_date=2026-01-10/ingest_hour=08/" + name;
    s3.putObject(
        b -> b.bucket(BUCKET).key(key).metadata(Map.of("received-at", RECEIVED.toString())),
        RequestBody.fromString(csv.toString()));
    return key;
  }

  private static SilverPromoter promoter(
      S3Client s3, Runnable beforeSilverList, DatasetLocks locks, Path workDir) throws Exception {
    Files.createDirectories(workDir);
    ContractRegistry contracts = ContractRegistry.loadDefault();
    LakeStore lake = new HookedLakeStore(s3, beforeSilverList);
    return new SilverPromoter(
        contracts,
        lake,
        new DuckDbSessions(new TransformProperties.Engine(DataSize.ofMegabytes(256), 1), workDir),
        new LakeCatalog(lake, contracts, Clock.systemUTC()),
        locks,
        SilverBatchTest.PII_KEY,
        workDir,
        DataSize.ofMegabytes(256).toBytes());
  }

  private static DatasetLocks locks(DynamoDbClient dynamo, String owner) {
    return locks(dynamo, owner, Duration.ofSeconds(30));
  }

  private static DatasetLocks locks(DynamoDbClient dynamo, String owner, Duration lease) {
    return new DatasetLocks(
        dynamo,
        new TransformProperties.SilverLock(TABLE, lease, lease.dividedBy(3), Duration.ofMinutes(1)),
        owner,
        Clock.systemUTC());
  }

  /** Distinct zip codes in silver weather, by day. */
  private Map<String, Long> silverZipsByDay(S3Client s3) throws Exception {
    LakeStore lake = new LakeStore(s3, BUCKET);
    Path local = Files.createDirectories(dir.resolve("silver"));
    List<String> files = new ArrayList<>();
    for (String key : lake.list("silver/weather/")) {
      Path file = local.resolve(key);
      lake.download(key, file);
      files.add(SilverSql.literal(file.toString()));
    }
    Map<String, Long> zips = new TreeMap<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duckdb.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT CAST(weather_date AS VARCHAR), count(DISTINCT zip) FROM read_parquet(["
                    + String.join(", ", files)
                    + "]) GROUP BY 1")) {
      while (rs.next()) {
        zips.put(rs.getString(1), rs.getLong(2));
      }
    }
    return zips;
  }

  private static void createBucket(S3Client s3) {
    try {
      s3.createBucket(b -> b.bucket(BUCKET));
    } catch (BucketAlreadyOwnedByYouException e) {
      // a rerun in the same platform
    }
  }

  /** The real lake store, except that it runs {@code beforeSilverList} before listing silver. */
  private static final class HookedLakeStore extends LakeStore {

    private final Runnable beforeSilverList;

    HookedLakeStore(S3Client s3, Runnable beforeSilverList) {
      super(s3, BUCKET);
      this.beforeSilverList = beforeSilverList;
    }

    @Override
    public List<String> list(String prefix) {
      if (prefix.startsWith("silver/")) {
        beforeSilverList.run();
      }
      return super.list(prefix);
    }
  }

  /** Waits up to {@link #MEETING} for the other promoter to get here too. */
  private static Runnable meet(CyclicBarrier meeting) {
    return () -> {
      try {
        meeting.await(MEETING.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | BrokenBarrierException e) {
        // the other is not coming: it waits for the lock this one holds
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }
}

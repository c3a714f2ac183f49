package io.customer360.loader.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.PlatformResources;
import io.customer360.common.gold.GoldContract;
import io.customer360.common.gold.ModelContract;
import io.customer360.common.lake.S3Uri;
import io.customer360.common.pipeline.GoldReady;
import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatformExtension;
import io.customer360.loader.testing.GoldFixtures;
import io.customer360.loader.testing.TestWarehouse;
import io.customer360.loader.warehouse.Sql;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Redshift stager's S3 half, against S3Proxy: the manifest COPY will read. */
@ExtendWith(LocalPlatformExtension.class)
class RedshiftManifestIT {

  @Test
  void writesAManifestOfEveryAnnouncedFileWithItsSize(LocalEndpoints endpoints) {
    try (S3Client s3 = new AwsClientFactory(endpoints.awsSettings()).s3()) {
      GoldReady batch =
          new GoldFixtures(s3, GoldFixtures.tempDir())
              .batch("returns")
              .batchId("manifest-it-1")
              .partition(LocalDate.parse("2026-01-03"), 30, Map.of())
              .partition(LocalDate.parse("2026-01-04"), 20, Map.of())
              .upload();
      ModelContract returns = GoldContract.load().model("returns").orElseThrow();
      RedshiftCopyStager stager =
          new RedshiftCopyStager(
              s3, "warehouse-load-manifests/", "arn:aws:iam::123456789012:role/copy");

      S3Uri location = stager.writeManifest(returns, batch);
      S3Uri again = stager.writeManifest(returns, batch);

      assertThat(location)
          .isEqualTo(
              new S3Uri(
                  PlatformResources.LAKE_BUCKET,
                  "warehouse-load-manifests/returns/manifest-it-1.manifest"))
          .isEqualTo(again);
      JsonNode manifest =
          JsonMapper.builder()
              .build()
              .readTree(
                  s3.getObjectAsBytes(b -> b.bucket(location.bucket()).key(location.key()))
                      .asUtf8String());
      assertThat(manifest.get("entries")).hasSize(2);
      for (int i = 0; i < 2; i++) {
        JsonNode entry = manifest.get("entries").get(i);
        String key = batch.objectKeys().get(i);
        long size =
            s3.headObject(b -> b.bucket(PlatformResources.LAKE_BUCKET).key(key)).contentLength();
        assertThat(entry.get("url").asString())
            .isEqualTo("s3://" + PlatformResources.LAKE_BUCKET + "/" + key);
        assertThat(entry.get("mandatory").asBoolean()).isTrue();
        assertThat(entry.get("meta").get("content_length").asLong()).isEqualTo(size).isPositive();
      }
    }
  }

  @Test
  void stagesNoRowsAndWritesNoManifestForABatchThatOnlyEmptiesPartitions(LocalEndpoints endpoints)
      throws Exception {
    try (S3Client s3 = new AwsClientFactory(endpoints.awsSettings()).s3()) {
      GoldReady batch =
          new GoldFixtures(s3, GoldFixtures.tempDir())
              .batch("returns")
              .batchId("manifest-it-emptied")
              .emptied(LocalDate.parse("2026-01-05"))
              .upload();
      ModelContract returns = GoldContract.load().model("returns").orElseThrow();
      RedshiftCopyStager stager =
          new RedshiftCopyStager(
              s3, "warehouse-load-manifests/", "arn:aws:iam::123456789012:role/copy");

      // Redshift's temporary table DDL runs on PostgreSQL too; its COPY would not, nor is it run.
      try (Connection connection = TestWarehouse.create(endpoints).connect()) {
        assertThat(stager.stage(connection, returns, batch, "stage_returns")).isZero();
        assertThat(Sql.of("SELECT COUNT(*) FROM stage_returns").queryForLong(connection)).isZero();
      }
      assertThat(
              s3.listObjectsV2(
                      b ->
                          b.bucket(PlatformResources.LAKE_BUCKET)
                              .prefix("warehouse-load-manifests/returns/manifest-it-emptied"))
                  .contents())
          .isEmpty();
    }
  }
}

package io.customer360.loader.stage;

import io.customer360.common.gold.ModelContract;
import io.customer360.common.lake.S3Uri;
import io.customer360.common.pipeline.GoldReady;
import io.customer360.loader.warehouse.Sql;
import io.customer360.loader.warehouse.WarehouseFlavour;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Stages a batch on Redshift: writes a COPY manifest of the batch's files to the lake (at a key
 * derived from model and batch, so a retry overwrites it), then has Redshift {@code COPY} them into
 * the stage table straight from S3. No data passes through the loader. A batch without files (one
 * that only empties partitions) leaves the stage table empty and writes no manifest.
 */
public final class RedshiftCopyStager implements Stager {

  private final S3Client s3;
  private final GoldObjects objects;
  private final String manifestPrefix;
  private final String iamRoleArn;

  /**
   * @param s3 client for the lake
   * @param manifestPrefix key prefix of manifests in the batch's bucket, ending in {@code /}
   * @param iamRoleArn the role Redshift assumes to read the lake
   */
  public RedshiftCopyStager(S3Client s3, String manifestPrefix, String iamRoleArn) {
    if (!manifestPrefix.endsWith("/") || manifestPrefix.startsWith("/")) {
      throw new IllegalArgumentException(
          "Manifest prefix must be a relative folder ending in '/': " + manifestPrefix);
    }
    this.s3 = s3;
    this.objects = new GoldObjects(s3);
    this.manifestPrefix = manifestPrefix;
    this.iamRoleArn = iamRoleArn;
  }

  @Override
  public long stage(
      Connection connection, ModelContract model, GoldReady batch, String stageTable) {
    Sql.of("DROP TABLE IF EXISTS " + stageTable).execute(connection);
    Sql.of(WarehouseFlavour.REDSHIFT.createTempTable(stageTable, Stager.columnDefinitions(model)))
        .execute(connection);
    if (batch.objectKeys().isEmpty()) {
      // A batch that only empties partitions has nothing to copy, and COPY fails when its
      // manifest names no file: the empty stage table is the batch.
      return 0;
    }
    S3Uri manifest = writeManifest(model, batch);
    RedshiftCopyCommand copy = new RedshiftCopyCommand(stageTable, manifest, iamRoleArn);
    Sql.of(copy.sql()).execute(connection);
    return Sql.of("SELECT COUNT(*) FROM " + stageTable).queryForLong(connection);
  }

  /** Writes the batch's manifest and returns where. */
  S3Uri writeManifest(ModelContract model, GoldReady batch) {
    List<CopyManifest.Entry> entries = new ArrayList<>();
    for (String key : GoldObjects.keys(model, batch)) {
      entries.add(
          new CopyManifest.Entry(
              new S3Uri(batch.bucket(), key), objects.size(batch.bucket(), key)));
    }
    S3Uri location = manifestLocation(batch);
    byte[] json = new CopyManifest(entries).json().getBytes(StandardCharsets.UTF_8);
    s3.putObject(
        b -> b.bucket(location.bucket()).key(location.key()).contentType("application/json"),
        RequestBody.fromBytes(json));
    return location;
  }

  /** {@code s3://{bucket}/{prefix}{model}/{batchId}.manifest}. */
  S3Uri manifestLocation(GoldReady batch) {
    return new S3Uri(
        batch.bucket(), manifestPrefix + batch.dataset() + "/" + batch.batchId() + ".manifest");
  }
}

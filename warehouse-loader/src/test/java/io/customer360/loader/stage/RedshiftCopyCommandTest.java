package io.customer360.loader.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customer360.common.lake.S3Uri;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedshiftCopyCommandTest {

  private static final String ROLE = "arn:aws:iam::123456789012:role/c360-redshift-copy";

  @Test
  void copiesParquetListedInAManifestWithTheConfiguredRole() {
    RedshiftCopyCommand copy =
        new RedshiftCopyCommand(
            "stage_order_lines",
            S3Uri.of("s3://c360-lake/warehouse-load-manifests/order_lines/b-1.manifest"),
            ROLE);

    assertThat(copy.sql())
        .isEqualTo(
            "COPY stage_order_lines FROM"
                + " 's3://c360-lake/warehouse-load-manifests/order_lines/b-1.manifest'"
                + " IAM_ROLE 'arn:aws:iam::123456789012:role/c360-redshift-copy'"
                + " FORMAT AS PARQUET MANIFEST");
  }

  @Test
  void refusesWhatCouldBreakOutOfTheStatement() {
    S3Uri manifest = S3Uri.of("s3://c360-lake/m/x.manifest");
    assertThatThrownBy(() -> new RedshiftCopyCommand("stage", manifest, "role' OR 1=1"))
        .hasMessageContaining("IAM role ARN");
    assertThatThrownBy(() -> new RedshiftCopyCommand("stage", manifest, null))
        .hasMessageContaining("IAM role ARN");
    assertThatThrownBy(
            () -> new RedshiftCopyCommand("stage", S3Uri.of("s3://c360-lake/it's.manifest"), ROLE))
        .hasMessageContaining("unsafe");
    assertThatThrownBy(() -> new RedshiftCopyCommand("stage; DROP", manifest, ROLE))
        .hasMessageContaining("table name");
  }

  @Test
  void manifestListsEveryFileAsMandatoryWithItsLength() {
    CopyManifest manifest =
        new CopyManifest(
            List.of(
                new CopyManifest.Entry(S3Uri.of("s3://c360-lake/gold/m/d=1/part-0.parquet"), 1234),
                new CopyManifest.Entry(S3Uri.of("s3://c360-lake/gold/m/d=2/part-0.parquet"), 99)));

    assertThat(manifest.json())
        .isEqualTo(
            "{\"entries\":["
                + "{\"url\":\"s3://c360-lake/gold/m/d=1/part-0.parquet\",\"mandatory\":true,"
                + "\"meta\":{\"content_length\":1234}},"
                + "{\"url\":\"s3://c360-lake/gold/m/d=2/part-0.parquet\",\"mandatory\":true,"
                + "\"meta\":{\"content_length\":99}}]}");
  }
}

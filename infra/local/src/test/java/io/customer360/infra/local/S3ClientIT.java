package io.customer360.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.PlatformResources;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

@ExtendWith(LocalPlatformExtension.class)
class S3ClientIT {

  @Test
  void putGetAndListWithDefaultChecksums(LocalEndpoints endpoints) {
    try (S3Client s3 = new AwsClientFactory(endpoints.awsSettings()).s3()) {
      String bucket = PlatformResources.LAKE_BUCKET;
      byte[] body = "{\"event_id\":\"e-1\"}\n".repeat(1000).getBytes(StandardCharsets.UTF_8);

      PutObjectResponse put =
          s3.putObject(
              b -> b.bucket(bucket).key("bronze/s3-it/ingest_date=2024-05-01/a.jsonl"),
              RequestBody.fromBytes(body));
      s3.putObject(
          b ->
              b.bucket(bucket)
                  .key("bronze/s3-it/ingest_date=2024-05-01/b.jsonl")
                  .checksumAlgorithm(ChecksumAlgorithm.SHA256),
          RequestBody.fromString("second"));

      ResponseBytes<GetObjectResponse> got =
          s3.getObjectAsBytes(
              b ->
                  b.bucket(bucket)
                      .key("bronze/s3-it/ingest_date=2024-05-01/a.jsonl")
                      .checksumMode(ChecksumMode.ENABLED));
      List<String> keys =
          s3
              .listObjectsV2Paginator(b -> b.bucket(bucket).prefix("bronze/s3-it/"))
              .contents()
              .stream()
              .map(S3Object::key)
              .toList();

      assertThat(put.eTag()).isNotBlank();
      assertThat(got.asByteArray()).isEqualTo(body);
      assertThat(keys)
          .containsExactly(
              "bronze/s3-it/ingest_date=2024-05-01/a.jsonl",
              "bronze/s3-it/ingest_date=2024-05-01/b.jsonl");
    }
  }
}

package io.customer360.infra.aws;

import io.customer360.common.lake.LakeZone;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * Lake permissions by zone prefix, with exact actions rather than the {@code s3:GetObject*}-style
 * wildcards of the CDK's own grants: read means get under the prefixes, write means put under them,
 * and the KMS key may be used only through S3.
 */
final class LakeGrants {

  private final IBucket bucket;
  private final IKey key;

  LakeGrants(IBucket bucket, IKey key) {
    this.bucket = bucket;
    this.key = key;
  }

  /**
   * Get objects under each prefix. Listing is granted on the whole bucket, unconditioned: {@code
   * HeadBucket} (the services' health check) needs it, and without it a missing key reads as 403
   * rather than 404. It reveals key names, not contents.
   */
  void read(IGrantable grantee, String... prefixes) {
    add(grantee, statement(List.of("s3:GetObject"), objectArns(prefixes), Map.of()));
    add(grantee, statement(List.of("s3:ListBucket"), List.of(bucket.getBucketArn()), Map.of()));
    add(grantee, keyStatement(List.of("kms:Decrypt")));
  }

  /** The key prefix of a lake zone, with its trailing slash. */
  static String prefix(LakeZone zone) {
    return zone.prefix() + "/";
  }

  /** Put objects, and abort multipart uploads, under each prefix. */
  void write(IGrantable grantee, String... prefixes) {
    add(
        grantee,
        statement(
            List.of("s3:PutObject", "s3:AbortMultipartUpload"), objectArns(prefixes), Map.of()));
    add(grantee, keyStatement(List.of("kms:Decrypt", "kms:GenerateDataKey")));
  }

  /** Delete objects under each prefix (partition rewrites); versioning keeps what was deleted. */
  void delete(IGrantable grantee, String... prefixes) {
    add(grantee, statement(List.of("s3:DeleteObject"), objectArns(prefixes), Map.of()));
  }

  private PolicyStatement keyStatement(List<String> actions) {
    return statement(
        actions,
        List.of(key.getKeyArn()),
        Map.of("StringEquals", Map.of("kms:ViaService", "s3." + Aws.REGION + ".amazonaws.com")));
  }

  private List<String> objectArns(String... prefixes) {
    return Arrays.stream(prefixes).map(prefix -> bucket.arnForObjects(prefix + "*")).toList();
  }

  private static PolicyStatement statement(
      List<String> actions, List<String> resources, Map<String, Object> conditions) {
    PolicyStatement.Builder builder =
        PolicyStatement.Builder.create().actions(actions).resources(resources);
    if (!conditions.isEmpty()) {
      builder.conditions(conditions);
    }
    return builder.build();
  }

  private static void add(IGrantable grantee, PolicyStatement statement) {
    grantee.getGrantPrincipal().addToPrincipalPolicy(statement);
  }
}

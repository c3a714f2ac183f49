package io.customer360.infra.aws;

import static io.customer360.infra.aws.TemplateSupport.actions;
import static io.customer360.infra.aws.TemplateSupport.only;
import static io.customer360.infra.aws.TemplateSupport.properties;
import static io.customer360.infra.aws.TemplateSupport.statements;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class DataLakeStackTest {

  private final Template lake = SynthesizedApp.template(SynthesizedApp.stacks().lake());

  @Test
  void lakeKeyRotatesYearly() {
    lake.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
  }

  @Test
  void bucketIsVersionedPrivateAndEncryptedWithTheLakeKey() {
    Map<String, Object> bucket = properties(only(lake, "AWS::S3::Bucket"));
    assertThat(bucket.get("VersioningConfiguration")).isEqualTo(Map.of("Status", "Enabled"));
    assertThat(bucket.get("PublicAccessBlockConfiguration"))
        .isEqualTo(
            Map.of(
                "BlockPublicAcls", true,
                "BlockPublicPolicy", true,
                "IgnorePublicAcls", true,
                "RestrictPublicBuckets", true));
    lake.hasResourceProperties(
        "AWS::S3::Bucket",
        Match.objectLike(
            Map.of(
                "BucketEncryption",
                Map.of(
                    "ServerSideEncryptionConfiguration",
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "ServerSideEncryptionByDefault",
                                Map.of(
                                    "SSEAlgorithm",
                                    "aws:kms",
                                    "KMSMasterKeyID",
                                    Map.of("Fn::GetAtt", List.of(keyLogicalId(), "Arn"))))))))));
  }

  @Test
  void bucketNameIsPerAccountAndRegion() {
    Object name = properties(only(lake, "AWS::S3::Bucket")).get("BucketName");
    assertThat(name.toString()).contains("c360-lake-", "AWS::AccountId", "AWS::Region");
  }

  @Test
  void policyDeniesRequestsWithoutTls() {
    assertThat(bucketPolicy())
        .anySatisfy(
            statement -> {
              assertThat(statement.get("Effect")).isEqualTo("Deny");
              assertThat(statement.get("Condition"))
                  .isEqualTo(Map.of("Bool", Map.of("aws:SecureTransport", "false")));
            })
        .anySatisfy(
            statement -> {
              assertThat(statement.get("Effect")).isEqualTo("Deny");
              assertThat(statement.get("Condition"))
                  .isEqualTo(Map.of("NumericLessThan", Map.of("s3:TlsVersion", 1.2)));
            });
  }

  @Test
  void policyDeniesUploadsAskingForAnythingButSseKmsWithTheLakeKey() {
    String header = "s3:x-amz-server-side-encryption";
    assertThat(bucketPolicy())
        .anySatisfy(
            statement -> {
              assertThat(statement.get("Effect")).isEqualTo("Deny");
              assertThat(actions(statement)).containsExactly("s3:PutObject");
              assertThat(statement.get("Condition"))
                  .isEqualTo(
                      Map.of(
                          "StringNotEquals", Map.of(header, "aws:kms"),
                          "Null", Map.of(header, "false")));
            })
        .anySatisfy(
            statement -> {
              assertThat(statement.get("Effect")).isEqualTo("Deny");
              assertThat(actions(statement)).containsExactly("s3:PutObject");
              assertThat(statement.get("Condition").toString())
                  .contains("StringNotEquals", header + "-aws-kms-key-id", keyLogicalId());
            });
  }

  @Test
  void bronzeMovesToInfrequentAccessThenGlacier() {
    lake.hasResourceProperties(
        "AWS::S3::Bucket",
        Match.objectLike(
            Map.of(
                "LifecycleConfiguration",
                Map.of(
                    "Rules",
                    Match.arrayWith(
                        List.of(
                            Match.objectLike(
                                Map.of(
                                    "Prefix",
                                    "bronze/",
                                    "Status",
                                    "Enabled",
                                    "Transitions",
                                    List.of(
                                        Map.of(
                                            "StorageClass", "STANDARD_IA", "TransitionInDays", 30),
                                        Map.of(
                                            "StorageClass",
                                            "GLACIER",
                                            "TransitionInDays",
                                            90))))))))));
  }

  @Test
  void glueDatabaseCataloguesTheLake() {
    lake.hasResourceProperties(
        "AWS::Glue::Database",
        Match.objectLike(
            Map.of(
                "DatabaseInput", Match.objectLike(Map.of("Name", DataLakeStack.GLUE_DATABASE)))));
  }

  private List<Map<String, Object>> bucketPolicy() {
    return statements(properties(only(lake, "AWS::S3::BucketPolicy")).get("PolicyDocument"));
  }

  private String keyLogicalId() {
    return lake.findResources("AWS::KMS::Key").keySet().iterator().next();
  }
}

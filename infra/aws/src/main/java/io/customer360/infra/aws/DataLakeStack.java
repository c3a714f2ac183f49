package io.customer360.infra.aws;

import io.customer360.common.aws.PlatformResources;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

/**
 * The medallion lake: a customer-managed KMS key with yearly rotation, the versioned lake bucket
 * that accepts only TLS and only SSE-KMS with that key, lifecycle rules that move bronze to
 * Infrequent Access and then Glacier, and a Glue database for the lake's tables.
 */
public final class DataLakeStack extends Stack {

  /** Glue database of the lake's tables. */
  public static final String GLUE_DATABASE = "c360_lake";

  static final int BRONZE_TO_INFREQUENT_ACCESS_DAYS = 30;
  static final int BRONZE_TO_GLACIER_DAYS = 90;
  static final int LANDING_EXPIRY_DAYS = 30;
  static final int NONCURRENT_VERSION_EXPIRY_DAYS = 90;

  private static final String SSE_HEADER = "s3:x-amz-server-side-encryption";
  private static final String SSE_KEY_HEADER = "s3:x-amz-server-side-encryption-aws-kms-key-id";

  private final Key key;
  private final Bucket bucket;

  public DataLakeStack(Construct scope, String id, StackProps props) {
    super(scope, id, props);
    key =
        Key.Builder.create(this, "LakeKey")
            .alias("alias/c360-lake")
            .description("Customer 360 lake: S3 objects and the warehouse's view of them")
            .enableKeyRotation(true)
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    bucket =
        Bucket.Builder.create(this, "LakeBucket")
            .bucketName(bucketName())
            .encryption(BucketEncryption.KMS)
            .encryptionKey(key)
            .bucketKeyEnabled(true)
            .versioned(true)
            .enforceSsl(true)
            .minimumTlsVersion(1.2)
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
            .lifecycleRules(lifecycleRules())
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    denyOtherEncryption();
    CfnDatabase.Builder.create(this, "GlueDatabase")
        .catalogId(getAccount())
        .databaseInput(
            CfnDatabase.DatabaseInputProperty.builder()
                .name(GLUE_DATABASE)
                .description("Customer 360 medallion lake: silver and gold tables")
                .locationUri("s3://" + bucket.getBucketName() + "/")
                .build())
        .build();
  }

  /**
   * The lake bucket's name in this account and region: {@code c360-lake-<account>-<region>}, since
   * bucket names are global. Built from pseudo parameters, so other stacks can derive it without a
   * cross-stack reference.
   */
  public static String bucketName() {
    return PlatformResources.LAKE_BUCKET + "-" + Aws.ACCOUNT_ID + "-" + Aws.REGION;
  }

  /**
   * Objects without an encryption header get the bucket default (SSE-KMS with the lake key); a
   * request that asks for anything else, SSE-S3 or another key, is refused.
   */
  private void denyOtherEncryption() {
    bucket.addToResourcePolicy(
        denyPut(
            "DenyNonKmsEncryption",
            Map.of(
                "StringNotEquals", Map.of(SSE_HEADER, "aws:kms"),
                "Null", Map.of(SSE_HEADER, "false"))));
    bucket.addToResourcePolicy(
        denyPut(
            "DenyOtherKmsKey",
            Map.of(
                "StringNotEquals", Map.of(SSE_KEY_HEADER, key.getKeyArn()),
                "Null", Map.of(SSE_KEY_HEADER, "false"))));
  }

  private PolicyStatement denyPut(String sid, Map<String, Object> conditions) {
    return PolicyStatement.Builder.create()
        .sid(sid)
        .effect(Effect.DENY)
        .principals(List.of(new AnyPrincipal()))
        .actions(List.of("s3:PutObject"))
        .resources(List.of(bucket.arnForObjects("*")))
        .conditions(conditions)
        .build();
  }

  private static List<LifecycleRule> lifecycleRules() {
    return List.of(
        LifecycleRule.builder()
            .id("bronze-tiering")
            .prefix("bronze/")
            .transitions(
                List.of(
                    transition(StorageClass.INFREQUENT_ACCESS, BRONZE_TO_INFREQUENT_ACCESS_DAYS),
                    transition(StorageClass.GLACIER, BRONZE_TO_GLACIER_DAYS)))
            .build(),
        LifecycleRule.builder()
            .id("landing-expiry")
            .prefix("landing/")
            .expiration(Duration.days(LANDING_EXPIRY_DAYS))
            .build(),
        LifecycleRule.builder()
            .id("noncurrent-versions")
            .noncurrentVersionExpiration(Duration.days(NONCURRENT_VERSION_EXPIRY_DAYS))
            .abortIncompleteMultipartUploadAfter(Duration.days(7))
            .build());
  }

  private static Transition transition(StorageClass storageClass, int days) {
    return Transition.builder()
        .storageClass(storageClass)
        .transitionAfter(Duration.days(days))
        .build();
  }

  public Key key() {
    return key;
  }

  public Bucket bucket() {
    return bucket;
  }
}

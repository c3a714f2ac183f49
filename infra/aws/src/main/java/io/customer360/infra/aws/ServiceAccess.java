package io.customer360.infra.aws;

import static io.customer360.infra.aws.LakeGrants.prefix;

import io.customer360.common.aws.PlatformResources;
import io.customer360.common.lake.LakeZone;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kinesis.Stream;

/**
 * What each service's task role may do, and nothing else. Every grant names exact actions on exact
 * resources: lake prefixes, queues, streams, tables.
 */
final class ServiceAccess {

  /** KCL application name prefix of ingestion-service; its lease tables start with it. */
  static final String KCL_APPLICATION = "c360-ingestion";

  /** Where ml-scoring-service writes scores in the gold zone. */
  static final String CHURN_SCORES_PREFIX = prefix(LakeZone.GOLD) + "churn_scores/";

  private final LakeGrants lake;
  private final MessagingStack messaging;
  private final StreamingStack streaming;

  ServiceAccess(DataLakeStack lake, MessagingStack messaging, StreamingStack streaming) {
    this.lake = new LakeGrants(lake.bucket(), lake.key());
    this.messaging = messaging;
    this.streaming = streaming;
  }

  /** Grants a service's task role exactly what that service needs. */
  void grant(ServiceSpec spec, IGrantable role) {
    switch (spec) {
      case INGESTION -> ingestion(role);
      case TRANSFORM -> transform(role);
      case WAREHOUSE_LOADER -> warehouseLoader(role);
      case ML_SCORING -> mlScoring(role);
      case QUERY_API -> {
        // Reads the warehouse only, with database credentials; no AWS data access.
      }
    }
  }

  /** Landing in, bronze and quarantine out; streams in; ledger and KCL lease tables. */
  private void ingestion(IGrantable role) {
    lake.read(role, prefix(LakeZone.LANDING));
    lake.write(role, prefix(LakeZone.BRONZE), prefix(LakeZone.QUARANTINE));
    QueueGrants.consume(role, messaging.queue(PlatformResources.LANDING_EVENTS_QUEUE));
    QueueGrants.send(role, messaging.queue(PlatformResources.BRONZE_READY_QUEUE));
    readStreams(role);
    // IngestLedger creates its table when missing; here it exists, and CreateTable only answers
    // "in use". Scoped to the one table.
    allow(
        role,
        List.of(
            "dynamodb:CreateTable",
            "dynamodb:DescribeTable",
            "dynamodb:GetItem",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem"),
        List.of(messaging.landingLedger().getTableArn()));
    leaseTables(role);
  }

  /**
   * Bronze and silver in; silver, quarantine and gold out; silver tables in Glue; the dataset lock
   * table.
   */
  private void transform(IGrantable role) {
    lake.read(role, prefix(LakeZone.BRONZE), prefix(LakeZone.SILVER), prefix(LakeZone.GOLD));
    lake.write(role, prefix(LakeZone.SILVER), prefix(LakeZone.QUARANTINE), prefix(LakeZone.GOLD));
    lake.delete(role, prefix(LakeZone.SILVER), prefix(LakeZone.GOLD));
    QueueGrants.consume(role, messaging.queue(PlatformResources.BRONZE_READY_QUEUE));
    QueueGrants.consume(role, messaging.queue(PlatformResources.SILVER_READY_QUEUE));
    QueueGrants.send(role, messaging.queue(PlatformResources.SILVER_READY_QUEUE));
    QueueGrants.send(role, messaging.queue(PlatformResources.GOLD_READY_QUEUE));
    registerSilverTables(role);
    // DatasetLocks: DescribeTable finds the table (it creates it only where it is missing, never
    // here); leases are put, renewed and deleted, always with a condition. No reads: a refused
    // write returns the holder.
    allow(
        role,
        List.of(
            "dynamodb:DescribeTable",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:DeleteItem"),
        List.of(messaging.transformLocks().getTableArn()));
  }

  /**
   * Silver tables and partitions in the lake's Glue database ({@code GlueCatalog}): read, create
   * and update its tables, add partitions. Glue authorizes table calls on the catalog, the database
   * and the table, so all three are named; nothing can be deleted, and other databases are out of
   * reach.
   */
  private void registerSilverTables(IGrantable role) {
    String database = DataLakeStack.GLUE_DATABASE;
    allow(
        role,
        List.of(
            "glue:GetTable", "glue:CreateTable", "glue:UpdateTable", "glue:BatchCreatePartition"),
        List.of(
            glueArn("catalog"),
            glueArn("database/" + database),
            glueArn("table/" + database + "/*")));
  }

  /** Gold in; COPY manifests out. The warehouse itself is reached with database credentials. */
  private void warehouseLoader(IGrantable role) {
    lake.read(role, prefix(LakeZone.GOLD), WarehouseStack.MANIFEST_PREFIX);
    lake.write(role, WarehouseStack.MANIFEST_PREFIX);
    QueueGrants.consume(role, messaging.queue(PlatformResources.GOLD_READY_QUEUE));
  }

  /** Gold features and the model registry in; models and churn scores out. */
  private void mlScoring(IGrantable role) {
    lake.read(role, prefix(LakeZone.GOLD), prefix(LakeZone.MODELS));
    lake.write(role, prefix(LakeZone.MODELS), CHURN_SCORES_PREFIX);
  }

  private void readStreams(IGrantable role) {
    List<String> arns = streaming.streams().stream().map(Stream::getStreamArn).toList();
    allow(
        role,
        List.of(
            "kinesis:DescribeStream",
            "kinesis:DescribeStreamSummary",
            "kinesis:GetRecords",
            "kinesis:GetShardIterator",
            "kinesis:ListShards"),
        arns);
    role.getGrantPrincipal()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .actions(List.of("kms:Decrypt"))
                .resources(List.of(streaming.key().getKeyArn()))
                .conditions(
                    Map.of(
                        "StringEquals",
                        Map.of("kms:ViaService", "kinesis." + Aws.REGION + ".amazonaws.com")))
                .build());
  }

  /**
   * The KCL creates and maintains its own tables, all named after the application: the lease table
   * {@code c360-ingestion-<stream>} and KCL 3's worker-metrics and coordinator-state tables.
   */
  private void leaseTables(IGrantable role) {
    String tables = tableArn(KCL_APPLICATION + "-*");
    allow(
        role,
        List.of(
            "dynamodb:CreateTable",
            "dynamodb:DescribeTable",
            "dynamodb:UpdateTable",
            "dynamodb:GetItem",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:DeleteItem",
            "dynamodb:Scan",
            "dynamodb:Query"),
        List.of(tables));
    allow(role, List.of("dynamodb:Query"), List.of(tables + "/index/*"));
  }

  private static String glueArn(String resource) {
    return "arn:" + Aws.PARTITION + ":glue:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":" + resource;
  }

  private static String tableArn(String name) {
    return "arn:"
        + Aws.PARTITION
        + ":dynamodb:"
        + Aws.REGION
        + ":"
        + Aws.ACCOUNT_ID
        + ":table/"
        + name;
  }

  private static void allow(IGrantable role, List<String> actions, List<String> resources) {
    role.getGrantPrincipal()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create().actions(actions).resources(resources).build());
  }
}

package io.customer360.transform.config;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.AwsSettings;
import io.customer360.common.aws.DynamoTables;
import io.customer360.common.contract.ContractRegistry;
import io.customer360.common.contract.DatasetContract;
import io.customer360.transform.TransformProperties;
import io.customer360.transform.catalog.GlueCatalog;
import io.customer360.transform.catalog.LakeCatalog;
import io.customer360.transform.engine.DuckDbSessions;
import io.customer360.transform.lake.LakeStore;
import io.customer360.transform.lock.DatasetLocks;
import io.customer360.transform.silver.BronzeReadyListener;
import io.customer360.transform.silver.SilverAnnouncer;
import io.customer360.transform.silver.SilverCatalog;
import io.customer360.transform.silver.SilverMetrics;
import io.customer360.transform.silver.SilverPromoter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** AWS clients and the silver stage of transform-service. */
@Configuration(proxyBeanMethods = false)
class TransformConfiguration {

  /** Silver partition files above this size are split, keeping files warehouse-friendly. */
  private static final DataSize MAX_SILVER_FILE = DataSize.ofMegabytes(256);

  @Bean
  AwsClientFactory awsClientFactory(AwsSettings settings) {
    return new AwsClientFactory(settings);
  }

  @Bean
  S3Client s3Client(AwsClientFactory clients) {
    return clients.s3();
  }

  @Bean
  SqsClient sqsClient(AwsClientFactory clients) {
    return clients.sqs();
  }

  /** Used by Spring Cloud AWS listeners, replacing its own client so one configuration rules. */
  @Bean
  SqsAsyncClient sqsAsyncClient(AwsClientFactory clients) {
    return clients.sqsAsync();
  }

  /** For the silver lock's lease table. */
  @Bean
  DynamoDbClient dynamoDbClient(AwsClientFactory clients) {
    return clients.dynamoDb();
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  LakeStore lakeStore(S3Client s3, TransformProperties properties) {
    return new LakeStore(s3, properties.bucket());
  }

  @Bean
  DuckDbSessions duckDbSessions(TransformProperties properties) {
    return new DuckDbSessions(properties.duckdb(), properties.workDir());
  }

  /** Only where silver is registered in Glue ({@code c360.transform.catalog.glue-database}). */
  @Bean
  @ConditionalOnProperty("c360.transform.catalog.glue-database")
  GlueClient glueClient(AwsClientFactory clients) {
    return clients
        .regional(GlueClient.builder())
        .httpClientBuilder(ApacheHttpClient.builder())
        .build();
  }

  /**
   * The Glue Data Catalog when a Glue database is configured (AWS), else the JSON documents in the
   * lake (local platform and demo, which have no Glue).
   */
  @Bean
  SilverCatalog silverCatalog(
      TransformProperties properties,
      ObjectProvider<GlueClient> glue,
      LakeStore lake,
      ContractRegistry contracts,
      Clock clock) {
    return properties
        .catalog()
        .glue()
        .<SilverCatalog>map(
            database -> new GlueCatalog(glue.getObject(), database, contracts, lake.bucket()))
        .orElseGet(() -> new LakeCatalog(lake, contracts, clock));
  }

  /**
   * Serializes silver merges of a dataset across instances (a lease in DynamoDB, table {@code
   * c360.transform.silver-lock.table}); this process is one owner, with a fresh id per start.
   */
  @Bean
  DatasetLocks datasetLocks(DynamoDbClient dynamo, TransformProperties properties, Clock clock) {
    return new DatasetLocks(dynamo, properties.silverLock(), DynamoTables.newOwnerId(), clock);
  }

  @Bean
  SilverPromoter silverPromoter(
      ContractRegistry contracts,
      LakeStore lake,
      DuckDbSessions duckdb,
      SilverCatalog catalog,
      DatasetLocks locks,
      TransformProperties properties) {
    return new SilverPromoter(
        contracts,
        lake,
        duckdb,
        catalog,
        locks,
        properties.piiKey(),
        properties.workDir(),
        MAX_SILVER_FILE.toBytes());
  }

  @Bean
  SilverAnnouncer silverAnnouncer(SqsClient sqs, TransformProperties properties, Clock clock) {
    return new SilverAnnouncer(sqs, properties.silverReadyQueue(), properties.bucket(), clock);
  }

  @Bean
  SilverMetrics silverMetrics(MeterRegistry registry, ContractRegistry contracts) {
    return new SilverMetrics(
        registry, contracts.all().stream().map(DatasetContract::name).toList());
  }

  @Bean
  BronzeReadyListener bronzeReadyListener(
      SilverPromoter promoter, SilverAnnouncer announcer, SilverMetrics metrics) {
    return new BronzeReadyListener(promoter, announcer, metrics);
  }
}

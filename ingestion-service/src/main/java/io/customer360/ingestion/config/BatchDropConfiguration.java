package io.customer360.ingestion.config;

import io.customer360.common.contract.ContractRegistry;
import io.customer360.ingestion.IngestionProperties;
import io.customer360.ingestion.batchdrop.DropIngestor;
import io.customer360.ingestion.batchdrop.IngestLedger;
import io.customer360.ingestion.batchdrop.LandingEventsListener;
import io.customer360.ingestion.batchdrop.LandingRescanner;
import io.customer360.ingestion.bronze.BronzeAnnouncer;
import io.customer360.ingestion.bronze.BronzeStore;
import io.customer360.ingestion.bronze.IngestionMetrics;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Wires batch drops: the ledger, the ingestor, and both discovery paths. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "c360.ingestion.landing.enabled", matchIfMissing = true)
class BatchDropConfiguration {

  @Bean
  IngestLedger ingestLedger(DynamoDbClient dynamo, IngestionProperties properties) {
    return new IngestLedger(dynamo, properties.landing().ledgerTable());
  }

  @Bean
  DropIngestor dropIngestor(
      S3Client s3,
      ContractRegistry contracts,
      IngestLedger ledger,
      BronzeStore store,
      BronzeAnnouncer announcer,
      IngestionMetrics metrics,
      Clock clock,
      IngestionProperties properties) {
    return new DropIngestor(
        s3,
        contracts,
        ledger,
        store,
        announcer,
        metrics,
        clock,
        properties.landing().maxFileSize());
  }

  @Bean
  LandingEventsListener landingEventsListener(DropIngestor ingestor) {
    return new LandingEventsListener(ingestor);
  }

  @Bean
  @ConditionalOnExpression("'${c360.ingestion.landing.rescan-interval:60s}' != '0s'")
  LandingRescanner landingRescanner(
      S3Client s3, DropIngestor ingestor, IngestionProperties properties) {
    return new LandingRescanner(
        s3, properties.bucket(), ingestor, properties.landing().rescanInterval());
  }
}

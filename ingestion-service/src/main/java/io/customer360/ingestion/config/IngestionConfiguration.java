package io.customer360.ingestion.config;

import io.customer360.common.contract.ContractRegistry;
import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.SourceChannel;
import io.customer360.ingestion.IngestionProperties;
import io.customer360.ingestion.bronze.BronzeAnnouncer;
import io.customer360.ingestion.bronze.BronzeStore;
import io.customer360.ingestion.bronze.IngestionMetrics;
import io.customer360.ingestion.stream.BronzeBatchSink;
import io.customer360.ingestion.stream.StreamConsumer;
import io.customer360.ingestion.stream.StreamRoute;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Wires bronze writing and stream consumption. */
@Configuration(proxyBeanMethods = false)
class IngestionConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  IngestionMetrics ingestionMetrics(MeterRegistry registry, ContractRegistry contracts) {
    return new IngestionMetrics(
        registry, contracts.all().stream().map(DatasetContract::name).toList());
  }

  @Bean
  BronzeStore bronzeStore(S3Client s3, IngestionProperties properties, IngestionMetrics metrics) {
    return new BronzeStore(s3, properties.bucket(), metrics);
  }

  @Bean
  BronzeAnnouncer bronzeAnnouncer(SqsClient sqs, IngestionProperties properties, Clock clock) {
    return new BronzeAnnouncer(sqs, properties.bronzeReadyQueue(), properties.bucket(), clock);
  }

  @Bean
  @ConditionalOnProperty(name = "c360.ingestion.stream.enabled", matchIfMissing = true)
  StreamConsumer streamConsumer(
      IngestionProperties properties,
      ContractRegistry contracts,
      BronzeStore store,
      BronzeAnnouncer announcer,
      IngestionMetrics metrics,
      KinesisAsyncClient kinesis,
      DynamoDbAsyncClient dynamo,
      CloudWatchAsyncClient cloudWatch) {
    return new StreamConsumer(
        properties.stream(),
        routes(properties.stream().streams(), contracts),
        new BronzeBatchSink(store, announcer, metrics),
        metrics,
        kinesis,
        dynamo,
        cloudWatch);
  }

  /** Each stream goes to the dataset whose contract names it; an unrouted stream is an error. */
  static List<StreamRoute> routes(List<String> streams, ContractRegistry contracts) {
    return streams.stream()
        .map(
            stream ->
                new StreamRoute(
                    stream,
                    contracts
                        .forSource(SourceChannel.STREAM, stream)
                        .orElseThrow(
                            () ->
                                new IllegalStateException(
                                    "No dataset contract has source stream '"
                                        + stream
                                        + "'; check c360.ingestion.stream.streams"))
                        .name()))
        .toList();
  }
}

package io.customer360.loader.config;

import io.customer360.common.gold.GoldContract;
import io.customer360.common.gold.ModelContract;
import io.customer360.loader.WarehouseLoaderProperties;
import io.customer360.loader.load.EventTimeColumns;
import io.customer360.loader.load.GoldBatchLoader;
import io.customer360.loader.load.GoldReadyListener;
import io.customer360.loader.load.LoadMetrics;
import io.customer360.loader.load.LoadObserver;
import io.customer360.loader.stage.PostgresCopyStager;
import io.customer360.loader.stage.RedshiftCopyStager;
import io.customer360.loader.stage.Stager;
import io.customer360.loader.warehouse.WarehouseFlavour;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Wires loading: the gold contract, the stager of the configured warehouse flavour, the loader and
 * the queue listener. Refuses to start when the flavour does not match the JDBC URL, or Redshift
 * has no IAM role for COPY.
 */
@Configuration(proxyBeanMethods = false)
class LoaderConfiguration {

  @Bean
  GoldContract goldContract() {
    return GoldContract.load();
  }

  @Bean
  EventTimeColumns eventTimeColumns(GoldContract contract, WarehouseLoaderProperties properties) {
    return EventTimeColumns.of(contract, properties.eventTimeColumns());
  }

  @Bean
  LoadMetrics loadMetrics(
      MeterRegistry registry, GoldContract contract, EventTimeColumns eventTimes) {
    return new LoadMetrics(
        registry,
        contract.models().stream().map(ModelContract::name).toList(),
        eventTimes.models());
  }

  @Bean
  Stager stager(
      S3Client s3, WarehouseLoaderProperties properties, DataSourceProperties dataSource) {
    WarehouseFlavour flavour = properties.warehouseFlavour();
    WarehouseFlavour ofUrl = WarehouseFlavour.ofJdbcUrl(dataSource.determineUrl());
    if (flavour != ofUrl) {
      throw new IllegalStateException(
          "c360.warehouse-loader.warehouse-flavour is "
              + flavour.vendor()
              + " but spring.datasource.url connects to "
              + ofUrl.vendor());
    }
    if (flavour == WarehouseFlavour.REDSHIFT) {
      String role = properties.redshift().iamRoleArn();
      if (role == null || role.isBlank()) {
        throw new IllegalStateException(
            "c360.warehouse-loader.redshift.iam-role-arn is required with the redshift flavour");
      }
      return new RedshiftCopyStager(s3, properties.redshift().manifestPrefix(), role);
    }
    return new PostgresCopyStager(
        s3,
        properties.staging().workDirOrDefault(),
        properties.staging().duckDbMemoryLimit().toMegabytes() + "MB",
        properties.staging().copyIntoPartitions());
  }

  @Bean
  GoldBatchLoader goldBatchLoader(
      DataSource dataSource,
      GoldContract contract,
      Stager stager,
      WarehouseLoaderProperties properties,
      LoadMetrics metrics,
      ObjectProvider<LoadObserver> observer,
      EventTimeColumns eventTimes) {
    return new GoldBatchLoader(
        dataSource,
        contract,
        stager,
        properties.warehouseFlavour(),
        properties.bucket(),
        metrics,
        observer.getIfAvailable(() -> LoadObserver.NONE),
        Clock.systemUTC(),
        eventTimes);
  }

  @Bean
  @ConditionalOnProperty(name = "c360.warehouse-loader.listener-enabled", matchIfMissing = true)
  GoldReadyListener goldReadyListener(
      GoldBatchLoader loader, LoadMetrics metrics, WarehouseLoaderProperties properties) {
    return new GoldReadyListener(loader, metrics, properties.retryDelay());
  }
}

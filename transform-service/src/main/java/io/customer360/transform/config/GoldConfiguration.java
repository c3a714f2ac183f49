package io.customer360.transform.config;

import io.customer360.transform.TransformProperties;
import io.customer360.transform.engine.DuckDbSessions;
import io.customer360.transform.gold.GoldScheduler;
import io.customer360.transform.gold.GoldStage;
import io.customer360.transform.gold.model.GoldModels;
import io.customer360.transform.lake.LakeStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The gold stage: models loaded and validated at start-up, run when silver changes. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "c360.transform.gold.enabled", matchIfMissing = true)
class GoldConfiguration {

  @Bean
  GoldModels goldModels() {
    return GoldModels.load();
  }

  @Bean
  GoldScheduler goldScheduler(
      GoldModels models,
      LakeStore lake,
      DuckDbSessions duckdb,
      SqsClient sqs,
      TransformProperties properties,
      Clock clock,
      MeterRegistry metrics) {
    // Exported from start-up, before the first run; GoldScheduler records into this same timer.
    metrics.timer("c360.transform.batch.latency", "stage", "gold", "dataset", "all");
    return new GoldScheduler(
        GoldStage.runner(models, lake, duckdb, sqs, properties, clock, metrics),
        properties.gold().interval(),
        metrics);
  }
}

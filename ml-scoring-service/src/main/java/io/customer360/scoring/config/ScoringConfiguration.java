package io.customer360.scoring.config;

import io.customer360.scoring.ScoringProperties;
import io.customer360.scoring.features.WarehouseFeatures;
import io.customer360.scoring.metrics.ScoringMetrics;
import io.customer360.scoring.model.ModelReloader;
import io.customer360.scoring.model.ServingModel;
import io.customer360.scoring.registry.ModelRegistry;
import io.customer360.scoring.registry.PromotionPolicy;
import io.customer360.scoring.scoring.BatchScoring;
import io.customer360.scoring.scoring.ChurnScoreStore;
import io.customer360.scoring.scoring.ChurnScorer;
import io.customer360.scoring.scoring.GoldScores;
import io.customer360.scoring.scoring.OnlineScoring;
import io.customer360.scoring.training.GenericCrossValidation;
import io.customer360.scoring.training.ModelImporter;
import io.customer360.scoring.training.Promotion;
import io.customer360.scoring.training.TrainingJob;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

/** Wires the registry, training, serving and scoring components from {@link ScoringProperties}. */
@Configuration(proxyBeanMethods = false)
class ScoringConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  ServingModel servingModel() {
    return new ServingModel();
  }

  @Bean
  ScoringMetrics scoringMetrics(
      MeterRegistry registry, ServingModel serving, ScoringProperties properties) {
    return new ScoringMetrics(registry, serving, properties.modelName());
  }

  @Bean
  ModelRegistry modelRegistry(S3Client s3, ScoringProperties properties, JsonMapper json) {
    return new ModelRegistry(s3, properties.bucket(), properties.modelName(), json);
  }

  @Bean
  ModelReloader modelReloader(
      ModelRegistry registry, ServingModel serving, Clock clock, ScoringMetrics metrics) {
    return new ModelReloader(registry, serving, clock, metrics::modelLoadFailed);
  }

  @Bean
  Promotion promotion(
      ModelRegistry registry, ScoringProperties properties, ModelReloader reloader, Clock clock) {
    return new Promotion(
        registry, new PromotionPolicy(properties.promotion().minAucGain()), reloader, clock);
  }

  @Bean
  WarehouseFeatures warehouseFeatures(JdbcTemplate jdbc, ScoringProperties properties) {
    return new WarehouseFeatures(
        jdbc, properties.features().table(), properties.features().layout());
  }

  @Bean
  TrainingJob trainingJob(
      WarehouseFeatures features,
      ModelRegistry registry,
      Promotion promotion,
      ScoringProperties properties,
      Clock clock,
      ScoringMetrics metrics) {
    return new TrainingJob(
        features,
        registry,
        promotion,
        properties.training(),
        properties.features().table(),
        clock,
        metrics::candidateTrained);
  }

  @Bean
  ModelImporter modelImporter(
      WarehouseFeatures features,
      ModelRegistry registry,
      Promotion promotion,
      ScoringProperties properties,
      JsonMapper json,
      Clock clock) {
    return new ModelImporter(
        features,
        registry,
        promotion,
        properties.training(),
        properties.features().table(),
        json,
        clock);
  }

  @Bean
  GenericCrossValidation genericCrossValidation(
      JdbcTemplate jdbc, S3Client s3, ScoringProperties properties) {
    return new GenericCrossValidation(
        jdbc, s3, properties.training().gbt(), properties.training().baselineL2());
  }

  @Bean
  ChurnScorer churnScorer(ScoringProperties properties, Clock clock, ScoringMetrics metrics) {
    ScoringProperties.Serving serving = properties.serving();
    return new ChurnScorer(
        serving.highRisk(),
        serving.mediumRisk(),
        serving.topFeatures(),
        clock,
        metrics::recordScore);
  }

  @Bean
  ChurnScoreStore churnScoreStore(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      ScoringProperties properties,
      JsonMapper json) {
    return new ChurnScoreStore(jdbc, transactions, properties.scores().table(), json);
  }

  @Bean
  GoldScores goldScores(S3Client s3, ScoringProperties properties, JsonMapper json) {
    return new GoldScores(s3, properties.bucket(), properties.scores().goldModel(), json);
  }

  @Bean
  BatchScoring batchScoring(
      WarehouseFeatures features,
      ServingModel serving,
      ChurnScorer scorer,
      ChurnScoreStore store,
      GoldScores gold,
      ScoringProperties properties) {
    return new BatchScoring(
        features, serving, scorer, store, gold, properties.scores().chunkSize());
  }

  @Bean
  OnlineScoring onlineScoring(
      WarehouseFeatures features, ServingModel serving, ChurnScorer scorer) {
    return new OnlineScoring(features, serving, scorer);
  }
}

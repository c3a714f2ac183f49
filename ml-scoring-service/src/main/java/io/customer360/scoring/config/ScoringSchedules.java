package io.customer360.scoring.config;

import io.customer360.scoring.ScoringProperties;
import io.customer360.scoring.model.ModelReloader;
import io.customer360.scoring.scoring.BatchScoring;
import io.customer360.scoring.training.TrainingJob;
import java.time.Duration;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * The three background beats: poll the promoted-model pointer (hot reload, first poll at start),
 * train on the cron schedule, and score a feature snapshot the serving model has not scored yet.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ScoringSchedules implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(ScoringSchedules.class);

  private final ScoringProperties properties;
  private final ModelReloader reloader;
  private final TrainingJob training;
  private final BatchScoring batch;

  ScoringSchedules(
      ScoringProperties properties,
      ModelReloader reloader,
      TrainingJob training,
      BatchScoring batch) {
    this.properties = properties;
    this.reloader = reloader;
    this.training = training;
    this.batch = batch;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(
        new FixedDelayTask(
            guarded("model-reload", reloader::refresh),
            properties.serving().reloadInterval(),
            Duration.ZERO));
    ScoringProperties.Training t = properties.training();
    if (!"-".equals(t.cron())) {
      registrar.addCronTask(
          new CronTask(
              guarded("training", training::run), new CronTrigger(t.cron(), ZoneId.of(t.zone()))));
    }
    Duration refresh = properties.scores().refreshInterval();
    if (!refresh.isZero()) {
      registrar.addFixedDelayTask(
          new FixedDelayTask(guarded("feature-refresh", batch::runIfStale), refresh, refresh));
    }
  }

  private static Runnable guarded(String task, Runnable body) {
    return () -> {
      try {
        body.run();
      } catch (RuntimeException e) {
        log.warn("Scheduled task failed task={} reason={}", task, e.getMessage());
      }
    };
  }
}

package io.customer360.scoring.config;

import io.customer360.scoring.ScoringProperties;
import io.customer360.scoring.model.ModelReloader;
import io.customer360.scoring.model.ServingModel;
import io.customer360.scoring.scoring.BatchScoring;
import io.customer360.scoring.training.TrainingAlreadyRunningException;
import io.customer360.scoring.training.TrainingException;
import io.customer360.scoring.training.TrainingJob;
import io.customer360.scoring.training.TrainingReport;
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
 * The background beats: poll the promoted-model pointer (hot reload, first poll at start), train on
 * the cron schedule, score a feature snapshot the serving model has not scored yet, and, while no
 * model is promoted at all, try a first training as soon as the labelled features allow it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ScoringSchedules implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(ScoringSchedules.class);

  private final ScoringProperties properties;
  private final ModelReloader reloader;
  private final TrainingJob training;
  private final BatchScoring batch;
  private final ServingModel serving;

  ScoringSchedules(
      ScoringProperties properties,
      ModelReloader reloader,
      TrainingJob training,
      BatchScoring batch,
      ServingModel serving) {
    this.properties = properties;
    this.reloader = reloader;
    this.training = training;
    this.batch = batch;
    this.serving = serving;
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
    if (!t.bootstrapInterval().isZero()) {
      registrar.addFixedDelayTask(
          new FixedDelayTask(
              guarded("bootstrap-training", this::bootstrap),
              t.bootstrapInterval(),
              t.bootstrapInterval()));
    }
    Duration refresh = properties.scores().refreshInterval();
    if (!refresh.isZero()) {
      registrar.addFixedDelayTask(
          new FixedDelayTask(guarded("feature-refresh", batch::runIfStale), refresh, refresh));
    }
  }

  /**
   * A new installation has no model until the first scheduled training; rather than wait up to a
   * day, train as soon as there are labelled snapshots, then load and score at once.
   */
  void bootstrap() {
    if (serving.current().isPresent()) {
      return;
    }
    try {
      TrainingReport report = training.run();
      log.info(
          "Bootstrap training version={} promotion={}",
          report.version(),
          report.decision().reason());
    } catch (TrainingException e) {
      log.info("Bootstrap training waits for labelled features: {}", e.getMessage());
      return;
    } catch (TrainingAlreadyRunningException e) {
      return;
    }
    reloader.refresh();
    batch.runIfStale();
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

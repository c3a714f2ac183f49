package io.customer360.transform.gold;

import io.customer360.transform.TransformProperties;
import io.customer360.transform.engine.DuckDbSessions;
import io.customer360.transform.gold.model.GoldModels;
import io.customer360.transform.lake.LakeStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Assembles the gold stage's parts, which stay package-private. */
public final class GoldStage {

  private GoldStage() {}

  public static GoldRunner runner(
      GoldModels models,
      LakeStore lake,
      DuckDbSessions duckdb,
      SqsClient sqs,
      TransformProperties properties,
      Clock clock,
      MeterRegistry metrics) {
    return new GoldRunner(
        models,
        new SilverMirror(lake, properties.workDir().resolve("silver-mirror")),
        duckdb,
        new GoldPublisher(lake),
        new GoldAnnouncer(sqs, properties.goldReadyQueue(), lake.bucket(), clock),
        properties.workDir(),
        properties.gold().parameters(),
        metrics);
  }
}

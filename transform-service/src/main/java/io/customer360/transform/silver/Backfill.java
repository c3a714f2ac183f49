package io.customer360.transform.silver;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.AwsSettings;
import io.customer360.common.aws.PlatformResources;
import io.customer360.common.lake.LakePath;
import io.customer360.common.lake.LakeZone;
import io.customer360.common.pipeline.BronzeReady;
import io.customer360.common.pipeline.PipelineMessage;
import io.customer360.common.pipeline.PipelineMessageCodec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Backfill on demand: re-announces the bronze objects of a dataset received in an ingest-date range
 * on the bronze-ready queue, so the running transform-services promote them (again) as competing
 * consumers. Promotion is idempotent, so a backfill over data already in silver changes nothing.
 * Authorization is AWS's: whoever may send to the queue may backfill.
 *
 * <pre>
 * java -cp transform-service-exec.jar -Dloader.main=io.customer360.transform.silver.Backfill \
 *   org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --dataset=clickstream --from=2026-01-01 --to=2026-01-07
 * </pre>
 *
 * AWS settings come from {@code c360.aws.*} system properties or {@code C360_AWS_*} variables.
 */
public final class Backfill {

  private Backfill() {}

  public static void main(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException(
            "Expected --dataset=NAME --from=YYYY-MM-DD --to=YYYY-MM-DD, got " + arg);
      }
      options.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    AwsClientFactory clients = new AwsClientFactory(AwsSettings.fromSystem());
    int sent =
        announce(
            clients.s3(),
            clients.sqs(),
            PlatformResources.LAKE_BUCKET,
            PlatformResources.BRONZE_READY_QUEUE,
            options.get("dataset"),
            LocalDate.parse(options.get("from")),
            LocalDate.parse(options.get("to")));
    System.out.println("Backfill announced " + sent + " bronze objects");
  }

  /** Sends one bronze-ready message per bronze object; returns how many. */
  static int announce(
      S3Client s3,
      SqsClient sqs,
      String bucket,
      String queue,
      String dataset,
      LocalDate from,
      LocalDate to) {
    if (dataset == null || to.isBefore(from)) {
      throw new IllegalArgumentException("Backfill needs a dataset and from <= to");
    }
    PipelineMessageCodec codec = new PipelineMessageCodec();
    String queueUrl = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    int sent = 0;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      String prefix = LakePath.ingestDayPrefix(LakeZone.BRONZE, dataset, day);
      List<String> keys =
          s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
              .map(S3Object::key)
              .toList();
      for (String key : keys) {
        BronzeReady message =
            new BronzeReady(
                PipelineMessage.CURRENT_VERSION,
                "backfill:" + key,
                Instant.now(),
                dataset,
                bucket,
                List.of(key),
                0,
                "backfill");
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(codec.toJson(message)));
        sent++;
      }
    }
    return sent;
  }
}

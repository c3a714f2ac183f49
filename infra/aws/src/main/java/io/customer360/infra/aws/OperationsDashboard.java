package io.customer360.infra.aws;

import java.util.List;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.constructs.Construct;

/**
 * The operations dashboard: alarm states first, then throughput per stage, lag, quarantine, loads,
 * freshness, dead-letter queues, the API, batch latency, bytes, rows and the serving model's AUC.
 */
final class OperationsDashboard extends Construct {

  private final String namespace;

  OperationsDashboard(
      ObservabilityStack stack,
      String namespace,
      List<Alarm> alarms,
      MessagingStack messaging,
      ApiStack api) {
    super(stack, "Dashboard");
    this.namespace = namespace;
    Dashboard dashboard =
        Dashboard.Builder.create(this, "Operations").dashboardName("c360-operations").build();
    dashboard.addWidgets(
        TextWidget.Builder.create()
            .markdown("# Customer 360 operations\nAlarms go to the `c360-alarms` SNS topic.")
            .width(24)
            .height(2)
            .build());
    dashboard.addWidgets(
        AlarmStatusWidget.Builder.create()
            .title("Alarms")
            .alarms(List.<IAlarm>copyOf(alarms))
            .width(24)
            .height(4)
            .build());
    dashboard.addWidgets(
        graph(
            "Records in by dataset",
            grouped("SUM", MetricNames.INGESTION_RECORDS_IN),
            grouped("SUM", MetricNames.TRANSFORM_RECORDS_IN)),
        graph(
            "KCL lag by stream (ms)",
            grouped("MAX", MetricNames.KCL_MILLIS_BEHIND_LATEST, "stream")),
        graph(
            "Quarantined records by dataset",
            grouped("SUM", MetricNames.TRANSFORM_RECORDS_QUARANTINED)));
    dashboard.addWidgets(
        graph(
            "Loads by model: failures and slowest (ms)",
            grouped("SUM", MetricNames.LOADER_LOAD_FAILURES, "model"),
            grouped("MAX", MetricNames.LOADER_LOAD_DURATION_MAX, "model")),
        graph(
            "Freshness by model, event to warehouse (ms)",
            grouped("MAX", MetricNames.LOADER_FRESHNESS_MAX, "model")),
        graph(
            "Dead-letter queues",
            messaging.deadLetterQueues().values().stream()
                .map(
                    q ->
                        (IMetric)
                            q.metricApproximateNumberOfMessagesVisible(
                                MetricOptions.builder().statistic("Maximum").build()))
                .toArray(IMetric[]::new)));
    dashboard.addWidgets(
        graph(
            "API latency p99 by endpoint (ms)",
            where("MAX", MetricNames.API_REQUESTS_PERCENTILE, "phi", "0.99", "uri"),
            api.api().metricLatency(MetricOptions.builder().statistic("p99").build())),
        graph(
            "API requests by outcome",
            grouped("SUM", MetricNames.API_REQUESTS_COUNT, "outcome"),
            api.api().metricServerError(MetricOptions.builder().statistic("Sum").build())),
        graph(
            "Slowest transform batch by stage (ms)",
            grouped("MAX", MetricNames.TRANSFORM_BATCH_LATENCY_MAX, "stage")));
    dashboard.addWidgets(
        graph("Bytes in by dataset", grouped("SUM", MetricNames.INGESTION_BYTES_IN)),
        graph("Rows loaded by model", grouped("SUM", MetricNames.LOADER_ROWS, "model")),
        graph("Serving model AUC", grouped("MAX", MetricNames.ML_MODEL_AUC, "model")));
  }

  private MathExpression where(
      String function, String metricName, String dimension, String value, String groupBy) {
    return MetricsInsights.query(
        namespace, function, metricName, ObservabilityStack.PERIOD, dimension, value, groupBy);
  }

  private MathExpression grouped(String function, String metricName) {
    return grouped(function, metricName, "dataset");
  }

  private MathExpression grouped(String function, String metricName, String dimension) {
    return MetricsInsights.query(
        namespace, function, metricName, ObservabilityStack.PERIOD, dimension);
  }

  private static IWidget graph(String title, IMetric... metrics) {
    return GraphWidget.Builder.create()
        .title(title)
        .left(List.of(metrics))
        .width(8)
        .height(6)
        .build();
  }
}

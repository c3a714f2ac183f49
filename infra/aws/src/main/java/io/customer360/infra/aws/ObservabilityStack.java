package io.customer360.infra.aws;

import io.customer360.common.contract.ContractRegistry;
import io.customer360.common.contract.DatasetContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * Operations: an encrypted SNS topic, and alarms to it for KCL lag, each dataset's quarantine rate,
 * load failures, every dead-letter queue that is not empty, API 5xx and p99 latency (from the
 * services' {@code c360.api.requests}, plus API Gateway's own 5xx for a service that does not
 * answer at all), and the freshness of each stream-fed gold model; plus a dashboard of the same
 * signals ({@link OperationsDashboard}). Metric names are in {@link MetricNames}.
 *
 * <p>Service meters carry varying dimensions (stream, shard, dataset, uri), so alarms that span
 * them use CloudWatch Metrics Insights queries over the whole namespace rather than one fixed
 * metric.
 */
public final class ObservabilityStack extends Stack {

  static final Duration SHORT_PERIOD = Duration.minutes(1);
  static final Duration PERIOD = Duration.minutes(5);

  private final DeploymentSettings settings;
  private final Topic topic;
  private final List<Alarm> alarms = new ArrayList<>();

  public ObservabilityStack(
      Construct scope,
      String id,
      StackProps props,
      DeploymentSettings settings,
      MessagingStack messaging,
      ApiStack api) {
    super(scope, id, props);
    this.settings = settings;
    topic = alarmTopic();
    kclLag();
    for (DatasetContract contract : ContractRegistry.loadDefault().all()) {
      quarantineRate(contract.name());
    }
    loadFailures();
    deadLetterQueues(messaging);
    api(api.api());
    freshness();
    new OperationsDashboard(this, settings.metricsNamespace(), alarms, messaging, api);
  }

  private Topic alarmTopic() {
    Key key =
        Key.Builder.create(this, "AlarmTopicKey")
            .alias("alias/c360-alarms")
            .description("Customer 360 alarm topic")
            .enableKeyRotation(true)
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();
    // CloudWatch publishes to the encrypted topic, so it must be able to use the key.
    key.addToResourcePolicy(
        PolicyStatement.Builder.create()
            .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
            .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
            .resources(List.of("*"))
            .build());
    Topic alarmTopic =
        Topic.Builder.create(this, "AlarmTopic")
            .topicName("c360-alarms")
            .masterKey(key)
            .enforceSsl(true)
            .build();
    settings
        .alarmEmail()
        .ifPresent(email -> alarmTopic.addSubscription(new EmailSubscription(email)));
    return alarmTopic;
  }

  private void kclLag() {
    alarm(
        "c360-kcl-lag",
        "A Kinesis shard is more than "
            + settings.kclLagThresholdMillis()
            + " ms behind the stream's tip",
        insights("MAX", MetricNames.KCL_MILLIS_BEHIND_LATEST, SHORT_PERIOD),
        settings.kclLagThresholdMillis(),
        3);
  }

  private void quarantineRate(String dataset) {
    Map<String, String> dimensions = Map.of("dataset", dataset);
    MathExpression rate =
        MathExpression.Builder.create()
            .expression("IF(records > 0, quarantined / records, 0)")
            .usingMetrics(
                Map.of(
                    "quarantined",
                    namespaceMetric(MetricNames.TRANSFORM_RECORDS_QUARANTINED, dimensions),
                    "records",
                    namespaceMetric(MetricNames.TRANSFORM_RECORDS_IN, dimensions)))
            .period(PERIOD)
            .label("quarantined share of " + dataset)
            .build();
    alarm(
        "c360-quarantine-rate-" + dataset,
        "More than "
            + settings.quarantineRateThreshold() * 100
            + " % of "
            + dataset
            + " records were quarantined",
        rate,
        settings.quarantineRateThreshold(),
        1);
  }

  private void deadLetterQueues(MessagingStack messaging) {
    for (Map.Entry<String, Queue> dlq : messaging.deadLetterQueues().entrySet()) {
      alarm(
          dlq.getKey() + "-not-empty",
          "Messages wait in " + dlq.getKey() + ": a stage failed them repeatedly",
          dlq.getValue()
              .metricApproximateNumberOfMessagesVisible(
                  MetricOptions.builder().statistic("Maximum").period(SHORT_PERIOD).build()),
          0,
          1);
    }
  }

  private void api(HttpApi api) {
    alarm(
        "c360-api-5xx",
        "query-api and ml-scoring-service answered more than "
            + settings.api5xxThreshold()
            + " server errors",
        MetricsInsights.query(
            settings.metricsNamespace(),
            "SUM",
            MetricNames.API_REQUESTS_COUNT,
            PERIOD,
            "outcome",
            "SERVER_ERROR",
            null),
        settings.api5xxThreshold(),
        1);
    alarm(
        "c360-api-latency-p99",
        "An API endpoint's p99 latency is above " + settings.apiLatencyP99ThresholdMillis() + " ms",
        MetricsInsights.query(
            settings.metricsNamespace(),
            "MAX",
            MetricNames.API_REQUESTS_PERCENTILE,
            PERIOD,
            "phi",
            "0.99",
            null),
        settings.apiLatencyP99ThresholdMillis(),
        2);
    // A service that is down or unreachable records nothing; the gateway still sees the 5xx.
    alarm(
        "c360-api-gateway-5xx",
        "API Gateway answered more than " + settings.api5xxThreshold() + " server errors",
        api.metricServerError(MetricOptions.builder().statistic("Sum").period(PERIOD).build()),
        settings.api5xxThreshold(),
        1);
  }

  private void loadFailures() {
    alarm(
        "c360-load-failures",
        "A warehouse load failed and rolled back",
        insights("SUM", MetricNames.LOADER_LOAD_FAILURES, PERIOD),
        0,
        1);
  }

  /**
   * One alarm per stream-fed model: batch-fed models (daily CRM or DMS files) are legitimately
   * hours old when they arrive, so one threshold cannot fit every model.
   */
  private void freshness() {
    for (String model : settings.freshnessModels()) {
      alarm(
          "c360-data-freshness-" + model,
          "Newest "
              + model
              + " data reached the warehouse more than "
              + settings.freshnessThresholdSeconds()
              + " s after its event time",
          Metric.Builder.create()
              .namespace(settings.metricsNamespace())
              .metricName(MetricNames.LOADER_FRESHNESS_MAX)
              .dimensionsMap(Map.of("model", model))
              .statistic("Maximum")
              .period(PERIOD)
              .build(),
          settings.freshnessThresholdSeconds() * 1000.0,
          2);
    }
  }

  private MathExpression insights(String function, String metricName, Duration period) {
    return MetricsInsights.query(settings.metricsNamespace(), function, metricName, period, null);
  }

  private Metric namespaceMetric(String name, Map<String, String> dimensions) {
    return Metric.Builder.create()
        .namespace(settings.metricsNamespace())
        .metricName(name)
        .dimensionsMap(dimensions)
        .statistic("Sum")
        .period(PERIOD)
        .build();
  }

  /** An alarm above {@code threshold} for {@code periods} periods, to the topic both ways. */
  private void alarm(
      String name, String description, IMetric metric, double threshold, int periods) {
    Alarm alarm =
        Alarm.Builder.create(this, name)
            .alarmName(name)
            .alarmDescription(description)
            .metric(metric)
            .threshold(threshold)
            .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
            .evaluationPeriods(periods)
            .datapointsToAlarm(periods)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .build();
    SnsAction action = new SnsAction(topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    alarms.add(alarm);
  }

  public Topic topic() {
    return topic;
  }

  public List<Alarm> alarms() {
    return List.copyOf(alarms);
  }
}

package io.customer360.infra.aws;

import static io.customer360.infra.aws.TemplateSupport.only;
import static io.customer360.infra.aws.TemplateSupport.properties;
import static io.customer360.infra.aws.TemplateSupport.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.aws.PlatformResources;
import io.customer360.common.contract.ContractRegistry;
import io.customer360.common.contract.DatasetContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

class ObservabilityStackTest {

  private final Template observability =
      SynthesizedApp.template(SynthesizedApp.stacks().observability());
  private final Map<String, Map<String, Object>> alarmsByName =
      resources(observability, "AWS::CloudWatch::Alarm").values().stream()
          .collect(Collectors.toMap(a -> (String) properties(a).get("AlarmName"), a -> a));

  @Test
  void everyRequiredAlarmExists() {
    List<String> expected =
        new ArrayList<>(
            List.of(
                "c360-kcl-lag",
                "c360-load-failures",
                "c360-api-5xx",
                "c360-api-latency-p99",
                "c360-api-gateway-5xx",
                "c360-data-freshness-purchases_per_minute",
                "c360-data-freshness-web_sessions"));
    for (DatasetContract contract : ContractRegistry.loadDefault().all()) {
      expected.add("c360-quarantine-rate-" + contract.name());
    }
    for (String queue : PlatformResources.queues()) {
      expected.add(PlatformResources.deadLetterQueue(queue) + "-not-empty");
    }
    assertThat(alarmsByName).containsOnlyKeys(expected);
  }

  @Test
  void everyAlarmNotifiesTheTopicWhenItFiresAndWhenItClears() {
    String topicId = observability.findResources("AWS::SNS::Topic").keySet().iterator().next();
    Map<String, String> ref = Map.of("Ref", topicId);
    alarmsByName.forEach(
        (name, alarm) -> {
          assertThat(properties(alarm).get("AlarmActions")).as(name).isEqualTo(List.of(ref));
          assertThat(properties(alarm).get("OKActions")).as(name).isEqualTo(List.of(ref));
        });
  }

  @Test
  void kclLagWatchesTheIngestionGaugeAcrossAllShards() {
    Map<String, Object> lag = properties(alarmsByName.get("c360-kcl-lag"));
    assertThat(lag.get("Metrics").toString())
        .contains(
            "SELECT MAX(\"c360.ingestion.kcl.millis.behind.latest.value\") FROM \"Customer360\"");
    assertThat(lag.get("Threshold")).isEqualTo(60000);
  }

  @Test
  void quarantineRateComparesQuarantinedWithAllRecordsOfTheDataset() {
    Map<String, Object> rate = properties(alarmsByName.get("c360-quarantine-rate-orders"));
    assertThat(rate.get("Metrics").toString())
        .contains(
            "quarantined / records",
            MetricNames.TRANSFORM_RECORDS_QUARANTINED,
            MetricNames.TRANSFORM_RECORDS_IN,
            "Value=orders");
    assertThat(rate.get("Threshold")).isEqualTo(0.05);
  }

  @Test
  void apiAlarmsWatchTheServicesRequestTimer() {
    assertThat(properties(alarmsByName.get("c360-api-5xx")).get("Metrics").toString())
        .contains(
            "SELECT SUM(\"c360.api.requests.count\") FROM \"Customer360\""
                + " WHERE outcome = 'SERVER_ERROR'");
    assertThat(properties(alarmsByName.get("c360-api-latency-p99")).get("Metrics").toString())
        .contains(
            "SELECT MAX(\"c360.api.requests.percentile.value\") FROM \"Customer360\""
                + " WHERE phi = '0.99'");
    assertThat(properties(alarmsByName.get("c360-api-latency-p99")).get("Threshold"))
        .isEqualTo(2000);
  }

  @Test
  void gatewayAlarmCatchesServicesThatDoNotAnswer() {
    assertThat(properties(alarmsByName.get("c360-api-gateway-5xx")))
        .containsEntry("MetricName", "5xx")
        .containsEntry("Namespace", "AWS/ApiGateway");
  }

  @Test
  void freshnessWatchesTheLoadersTimerOfEachStreamFedModel() {
    assertThat(properties(alarmsByName.get("c360-data-freshness-purchases_per_minute")))
        .containsEntry("MetricName", "c360.loader.freshness.max")
        .containsEntry("Namespace", "Customer360")
        .containsEntry("Statistic", "Maximum")
        .containsEntry("Threshold", 900000)
        .containsEntry(
            "Dimensions", List.of(Map.of("Name", "model", "Value", "purchases_per_minute")));
  }

  @Test
  void loadFailuresSumTheLoadersCounterOverEveryModelAndReason() {
    assertThat(properties(alarmsByName.get("c360-load-failures")).get("Metrics").toString())
        .contains("SELECT SUM(\"c360.loader.load.failures.count\") FROM \"Customer360\"");
  }

  @Test
  void deadLetterAlarmsFireOnTheFirstMessage() {
    alarmsByName.entrySet().stream()
        .filter(e -> e.getKey().endsWith("-dlq-not-empty"))
        .forEach(
            e ->
                assertThat(properties(e.getValue()))
                    .containsEntry("MetricName", "ApproximateNumberOfMessagesVisible")
                    .containsEntry("Threshold", 0)
                    .containsEntry("ComparisonOperator", "GreaterThanThreshold"));
  }

  @Test
  void topicIsEncryptedAndCloudWatchMayUseItsKey() {
    assertThat(properties(only(observability, "AWS::SNS::Topic"))).containsKey("KmsMasterKeyId");
    Map<String, Object> key = properties(only(observability, "AWS::KMS::Key"));
    assertThat(key.get("EnableKeyRotation")).isEqualTo(true);
    assertThat(key.get("KeyPolicy").toString()).contains("cloudwatch.amazonaws.com");
  }

  @Test
  void dashboardShowsEveryAlarm() {
    String body = properties(only(observability, "AWS::CloudWatch::Dashboard")).toString();
    assertThat(body)
        .contains(
            "c360-operations",
            "KCL lag",
            "Dead-letter queues",
            "API latency",
            MetricNames.API_REQUESTS_COUNT,
            MetricNames.LOADER_ROWS,
            MetricNames.ML_MODEL_AUC);
  }
}

package io.customer360.infra.aws;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.MathExpression;

/**
 * CloudWatch Metrics Insights queries over one metric of a namespace, across all its dimension
 * combinations: the services' meters carry dimensions (stream, shard, dataset, uri) whose values
 * are not known when the alarms are deployed.
 */
final class MetricsInsights {

  private MetricsInsights() {}

  /**
   * {@code SELECT <function>("<metric>") FROM "<namespace>" [GROUP BY <dimension>]}.
   *
   * @param groupBy a dimension to split the result by, or {@code null} for one series
   */
  static MathExpression query(
      String namespace, String function, String metric, Duration period, String groupBy) {
    return query(namespace, function, metric, period, null, null, groupBy);
  }

  /**
   * {@code SELECT <function>("<metric>") FROM "<namespace>" [WHERE <dimension> = '<value>'] [GROUP
   * BY <dimension>]}.
   *
   * @param whereDimension a dimension the metrics must have with {@code whereValue}, or {@code
   *     null} for all
   * @param groupBy a dimension to split the result by, or {@code null} for one series
   */
  static MathExpression query(
      String namespace,
      String function,
      String metric,
      Duration period,
      String whereDimension,
      String whereValue,
      String groupBy) {
    String query = "SELECT " + function + "(\"" + metric + "\") FROM \"" + namespace + "\"";
    String label = metric;
    if (whereDimension != null) {
      query += " WHERE " + whereDimension + " = '" + whereValue + "'";
      label += " " + whereDimension + "=" + whereValue;
    }
    if (groupBy != null) {
      query += " GROUP BY " + groupBy;
    }
    return MathExpression.Builder.create().expression(query).period(period).label(label).build();
  }
}

package io.customer360.scoring;

import io.customer360.scoring.features.TableLayout;
import io.customer360.scoring.training.GbtParameters;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of ml-scoring-service, bound from {@code c360.ml-scoring.*}.
 *
 * @param bucket the lake bucket holding the registry ({@code models/}) and gold
 * @param modelName registry name of the model: {@code models/{name}/{version}/}
 * @param features the warehouse feature table
 * @param scores where batch scores go
 * @param training the training job
 * @param promotion when a candidate replaces the promoted model
 * @param serving online scoring
 */
@ConfigurationProperties("c360.ml-scoring")
public record ScoringProperties(
    @DefaultValue("c360-lake") String bucket,
    @DefaultValue("churn") String modelName,
    @DefaultValue Features features,
    @DefaultValue Scores scores,
    @DefaultValue Training training,
    @DefaultValue Promotion promotion,
    @DefaultValue Serving serving) {

  /**
   * The feature table: one row per customer and snapshot date. Every numeric or boolean column
   * other than the id, date, label and excluded columns is a feature.
   *
   * @param table table name, optionally schema-qualified
   * @param idColumn customer id column
   * @param dateColumn snapshot date column
   * @param labelColumn 0/1 churn label; NULL while the label horizon has not passed
   * @param excludedColumns further columns that are never features
   */
  public record Features(
      @DefaultValue("warehouse.customer_features") String table,
      @DefaultValue("customer_id") String idColumn,
      @DefaultValue("snapshot_date") String dateColumn,
      @DefaultValue("churn_label") String labelColumn,
      List<String> excludedColumns) {

    /** The column layout of the table. */
    public TableLayout layout() {
      return new TableLayout(idColumn, dateColumn, labelColumn, excludedColumns);
    }
  }

  /**
   * Batch scores.
   *
   * @param table warehouse table, optionally schema-qualified
   * @param goldModel gold model name: {@code gold/{goldModel}/snapshot_date=…/part-0.parquet}
   * @param refreshInterval how often to look for a feature snapshot not yet scored by the serving
   *     model; zero disables the watch
   * @param chunkSize rows scored per XGBoost call
   */
  public record Scores(
      @DefaultValue("warehouse.churn_scores") String table,
      @DefaultValue("churn_scores") String goldModel,
      @DefaultValue("5m") Duration refreshInterval,
      @DefaultValue("10000") int chunkSize) {}

  /**
   * The training job.
   *
   * @param cron schedule (Spring cron, six fields); "-" disables scheduled training
   * @param zone time zone of the cron expression
   * @param validationDays the last this many snapshot dates form the validation window
   * @param labelHorizonDays how far a label looks ahead; training snapshots end this many days
   *     before the validation window
   * @param historyDays snapshots older than this (before the newest) are not read
   * @param leakageAucThreshold single-feature AUC from which a feature is refused as leaked
   * @param minPositives fewest positive labels each side of the split must have
   * @param baselineL2 ridge penalty of the logistic-regression baseline
   * @param gbt XGBoost hyper-parameters
   * @param bootstrapInterval while no model is promoted yet (a new installation), training is tried
   *     this often until the labelled features allow a model; zero disables it
   */
  public record Training(
      @DefaultValue("0 30 3 * * *") String cron,
      @DefaultValue("UTC") String zone,
      @DefaultValue("7") int validationDays,
      @DefaultValue("30") int labelHorizonDays,
      @DefaultValue("400") int historyDays,
      @DefaultValue("0.98") double leakageAucThreshold,
      @DefaultValue("20") int minPositives,
      @DefaultValue("1.0") double baselineL2,
      @DefaultValue GbtParameters gbt,
      @DefaultValue("1m") Duration bootstrapInterval) {}

  /**
   * Promotion rule.
   *
   * @param minAucGain the candidate is promoted only if its validation AUC exceeds the promoted
   *     model's AUC on the same validation rows by more than this
   */
  public record Promotion(@DefaultValue("0.0") double minAucGain) {}

  /**
   * Online scoring.
   *
   * @param reloadInterval how often the promoted-model pointer is polled
   * @param highRisk scores at or above are {@code HIGH}
   * @param mediumRisk scores at or above (and below high) are {@code MEDIUM}
   * @param topFeatures contributing features returned per score
   * @param maxPageSize largest page of the at-risk list
   */
  public record Serving(
      @DefaultValue("30s") Duration reloadInterval,
      @DefaultValue("0.3") double highRisk,
      @DefaultValue("0.1") double mediumRisk,
      @DefaultValue("5") int topFeatures,
      @DefaultValue("500") int maxPageSize) {}
}

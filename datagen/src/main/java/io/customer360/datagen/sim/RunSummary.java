package io.customer360.datagen.sim;

/**
 * Headline numbers of a run.
 *
 * @param clickEvents clickstream events generated (before faults and re-sends)
 * @param clickstreamRecords records sent to the clickstream stream
 * @param weblogRecords records sent to the weblog stream
 * @param bestAuc ROC AUC of the true churn probabilities against the labels
 * @param churners customers who churned in the label horizon
 */
public record RunSummary(
    long clickEvents, long clickstreamRecords, long weblogRecords, double bestAuc, long churners) {

  /** Stream records sent in total. */
  public long streamRecords() {
    return clickstreamRecords + weblogRecords;
  }
}

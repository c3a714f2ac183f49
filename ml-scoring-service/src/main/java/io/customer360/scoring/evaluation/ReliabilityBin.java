package io.customer360.scoring.evaluation;

/**
 * One bin of a reliability diagram.
 *
 * @param from lower probability bound (inclusive)
 * @param to upper probability bound (exclusive, except for the last bin)
 * @param count scores in the bin
 * @param meanPredicted mean score in the bin
 * @param observedRate share of positives in the bin
 */
public record ReliabilityBin(
    double from, double to, long count, double meanPredicted, double observedRate) {}

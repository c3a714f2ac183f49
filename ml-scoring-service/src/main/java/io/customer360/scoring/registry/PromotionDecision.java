package io.customer360.scoring.registry;

/**
 * Whether a candidate replaces the promoted model, and why.
 *
 * @param promote true to promote
 * @param reason a sentence for the report and the log
 */
public record PromotionDecision(boolean promote, String reason) {}

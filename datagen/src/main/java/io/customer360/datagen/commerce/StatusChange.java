package io.customer360.datagen.commerce;

import java.time.Instant;

/**
 * An order entering a status.
 *
 * @param status placed, paid, shipped, delivered or cancelled
 * @param at when it happened
 */
public record StatusChange(String status, Instant at) {}

package io.customer360.query.customers;

import java.math.BigDecimal;

/**
 * A customer's spend in one product category.
 *
 * @param category product category
 * @param spend net spend, USD
 * @param units widgets bought
 */
public record CategorySpend(String category, BigDecimal spend, long units) {}

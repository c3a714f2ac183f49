package io.customer360.query.returns;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A product among the most returned of a day, week or month.
 *
 * @param periodStart first day of the bucket
 * @param rank 1 for the most returned product of the bucket (by returns, then units, refunds, id)
 * @param productId product id
 * @param productName product name
 * @param category product category
 * @param returns return records
 * @param unitsReturned units returned
 * @param refundAmount refunds, USD
 * @param links drill-down: the returns
 */
public record ReturnedProduct(
    LocalDate periodStart,
    int rank,
    String productId,
    String productName,
    String category,
    long returns,
    long unitsReturned,
    BigDecimal refundAmount,
    Map<String, String> links) {}

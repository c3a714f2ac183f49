package io.customer360.query.sales;

import io.customer360.query.web.DateRange;
import io.customer360.query.web.PageResult;

/**
 * Sales by zip code in a period against a comparison period.
 *
 * @param period the period
 * @param comparison the comparison period
 * @param compareTo previous_year or previous_period
 * @param groupBy zip or zip_category
 * @param rows one page of zip (and category) rows
 */
public record SalesComparison(
    DateRange period,
    DateRange comparison,
    String compareTo,
    String groupBy,
    PageResult<ZipSales> rows) {}

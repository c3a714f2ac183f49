package io.customer360.transform.gold.model;

/**
 * A column a gold model must produce, as the gold contract declares it.
 *
 * @param name column name
 * @param type the contract's SQL type, e.g. {@code varchar(64)}, {@code numeric(12,2)}
 * @param duckDbType the DuckDB type the model's table and Parquet files carry, e.g. {@code
 *     VARCHAR}, {@code DECIMAL(12,2)}, {@code TIMESTAMP WITH TIME ZONE}
 * @param maxLength the most bytes a {@code varchar(n)} value may take (n), else 0
 * @param required whether a value is mandatory
 * @param description what the column means
 */
public record GoldColumn(
    String name,
    String type,
    String duckDbType,
    int maxLength,
    boolean required,
    String description) {}

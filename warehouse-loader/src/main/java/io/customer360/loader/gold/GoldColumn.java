package io.customer360.loader.gold;

/**
 * One column of a gold model.
 *
 * @param name snake_case column name
 * @param type its type
 * @param required whether every row must have a value
 * @param description what it means, for the catalog and the warehouse documentation
 */
public record GoldColumn(String name, ColumnType type, boolean required, String description) {}

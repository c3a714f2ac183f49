package io.customer360.common.gold;

/**
 * One column of a gold model.
 *
 * @param name snake_case column name
 * @param type its type
 * @param required whether every row must have a value
 * @param description what it means, for the catalog and the warehouse documentation
 */
public record GoldColumn(String name, ColumnType type, boolean required, String description) {

  /** The most bytes a {@code varchar(n)} value may take (n, Redshift's limit), else 0. */
  public int maxLength() {
    return type.kind() == ColumnType.Kind.VARCHAR ? type.length() : 0;
  }
}

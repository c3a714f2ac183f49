package io.customer360.common.gold;

/**
 * A warehouse column of a partition-replaced table that is not in the gold model, computed from the
 * gold row on the way in, as the contract's {@code warehouse.derived} declares it. warehouse-loader
 * computes it both ways it loads: SQL over the stage table and DuckDB over the Parquet files (the
 * PostgreSQL direct COPY).
 */
public sealed interface DerivedColumn permits DerivedColumn.DateKey, DerivedColumn.CustomerKeyAsOf {

  /** The target column. */
  String name();

  /** The target column's type. */
  ColumnType type();

  /**
   * The yyyymmdd key of a date column, joining {@code dim_date}.
   *
   * @param name target column
   * @param dateColumn the gold date column
   */
  record DateKey(String name, String dateColumn) implements DerivedColumn {

    @Override
    public ColumnType type() {
      return new ColumnType(ColumnType.Kind.INTEGER, 0, 0);
    }
  }

  /**
   * The surrogate key of the {@code dim_customer} version valid at a time of the row: {@code
   * valid_from <= time < valid_to}; null when the customer is not (yet) known.
   *
   * @param name target column
   * @param customerColumn the gold customer id column
   * @param timeColumn the gold timestamp column
   */
  record CustomerKeyAsOf(String name, String customerColumn, String timeColumn)
      implements DerivedColumn {

    @Override
    public ColumnType type() {
      return new ColumnType(ColumnType.Kind.BIGINT, 0, 0);
    }
  }
}

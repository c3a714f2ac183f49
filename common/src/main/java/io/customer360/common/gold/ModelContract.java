package io.customer360.common.gold;

import java.util.List;
import java.util.Optional;

/**
 * What the gold contract says of one model: its columns in file order, its key, and how a batch is
 * applied.
 *
 * @param name model name, the {@code gold/{model}/} folder and the gold-ready {@code dataset}
 * @param description what the model holds
 * @param grain what one row is
 * @param load how a batch is applied
 * @param partitionedBy the date column whose value names a partition ({@code order_date=…}), for
 *     partition-replaced models; {@code null} otherwise
 * @param key columns that identify a row
 * @param columns every column, in the order the Parquet files hold them
 * @param warehouse its warehouse table and what the load adds
 */
public record ModelContract(
    String name,
    String description,
    String grain,
    LoadMode load,
    String partitionedBy,
    List<String> key,
    List<GoldColumn> columns,
    WarehouseTarget warehouse) {

  public ModelContract {
    key = List.copyOf(key);
    columns = List.copyOf(columns);
  }

  /** The partition column, for partition-replaced models. */
  public Optional<String> partitionColumn() {
    return Optional.ofNullable(partitionedBy);
  }

  /** The column of this name. */
  public Optional<GoldColumn> column(String column) {
    return columns.stream().filter(c -> c.name().equals(column)).findFirst();
  }

  /** Column names in file order. */
  public List<String> columnNames() {
    return columns.stream().map(GoldColumn::name).toList();
  }
}

package io.customer360.transform.gold.model;

import io.customer360.common.gold.GoldColumn;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One gold model: a DuckDB {@code SELECT} over silver views ({@code silver_<dataset>}) and upstream
 * models (tables named after them), with its data tests and the columns the gold contract requires
 * of it.
 *
 * @param name model name, also its table name and lake folder
 * @param description purpose
 * @param grain what one row is
 * @param inputs {@code silver.<dataset>} and {@code gold.<model>} it reads
 * @param partitionedBy its DATE partition column, empty when unpartitioned
 * @param tests declared data tests
 * @param sql the {@code SELECT}
 * @param columns the contract's columns, in order
 * @param key the contract's key
 * @param parameters session variables the SQL reads with {@code getvariable}, with their defaults
 *     (SQL literals)
 */
public record GoldModel(
    String name,
    String description,
    String grain,
    List<String> inputs,
    Optional<String> partitionedBy,
    ModelTests tests,
    String sql,
    List<GoldColumn> columns,
    List<String> key,
    Map<String, String> parameters) {

  public GoldModel {
    inputs = List.copyOf(inputs);
    columns = List.copyOf(columns);
    key = List.copyOf(key);
    // Sorted by name: the generated catalog must not depend on hash order.
    parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
  }

  /** Silver datasets among the inputs. */
  public List<String> silverInputs() {
    return inputs.stream().filter(i -> i.startsWith("silver.")).map(i -> i.substring(7)).toList();
  }

  /** Upstream models among the inputs. */
  public List<String> goldInputs() {
    return inputs.stream().filter(i -> i.startsWith("gold.")).map(i -> i.substring(5)).toList();
  }

  /** The contract column of that name. */
  public Optional<GoldColumn> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}

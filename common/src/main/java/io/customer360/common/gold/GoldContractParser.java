package io.customer360.common.gold;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Parses the gold contract and checks its rules: known keys only; unique snake_case model and
 * column names; known types and load modes; key columns exist and are required; a
 * partition-replaced model names a required {@code date} partition column.
 */
final class GoldContractParser {

  private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Set<String> MODEL_KEYS =
      Set.of(
          "name", "description", "grain", "load", "partitionedBy", "key", "columns", "warehouse");
  private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");
  private static final Set<String> TARGET_KEYS =
      Set.of("table", "derived", "mergeKey", "versionColumn", "columns", "rekeys");
  private static final Map<LoadMode, Set<String>> TARGET_KEYS_BY_LOAD =
      Map.of(
          LoadMode.REPLACE_PARTITIONS, Set.of("table", "derived"),
          LoadMode.MERGE, Set.of("table", "mergeKey", "versionColumn", "columns"),
          LoadMode.SCD2, Set.of("table", "rekeys"));
  private static final Set<String> COLUMN_KEYS = Set.of("name", "type", "required", "description");

  private final YAMLMapper yaml = YAMLMapper.builder().build();

  GoldContract parse(String file, InputStream content) {
    JsonNode root;
    try {
      root = yaml.readTree(content);
    } catch (JacksonException e) {
      throw new InvalidGoldContractException(
          file + ": not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.path("models").isArray()) {
      throw new InvalidGoldContractException(file + ": expected a 'models' list");
    }
    List<ModelContract> models = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode node : root.path("models")) {
      ModelContract model = model(file, node);
      if (!names.add(model.name())) {
        throw new InvalidGoldContractException(file + ": model '" + model.name() + "' twice");
      }
      models.add(model);
    }
    return new GoldContract(models);
  }

  private ModelContract model(String file, JsonNode node) {
    String name = text(node, "name", file);
    String where = file + " model " + name;
    requireSnakeCase(name, where);
    requireKnownKeys(node, MODEL_KEYS, where);
    LoadMode load = loadMode(text(node, "load", where), where);
    List<GoldColumn> columns = new ArrayList<>();
    Set<String> columnNames = new HashSet<>();
    for (JsonNode column : node.path("columns")) {
      GoldColumn parsed = column(column, where);
      if (!columnNames.add(parsed.name())) {
        throw new InvalidGoldContractException(where + ": column '" + parsed.name() + "' twice");
      }
      columns.add(parsed);
    }
    if (columns.isEmpty()) {
      throw new InvalidGoldContractException(where + ": no columns");
    }
    List<String> key = new ArrayList<>();
    node.path("key").forEach(k -> key.add(k.asString()));
    String partitionedBy =
        node.hasNonNull("partitionedBy") ? node.get("partitionedBy").asString() : null;
    ModelContract model =
        new ModelContract(
            name,
            text(node, "description", where),
            text(node, "grain", where),
            load,
            partitionedBy,
            key,
            columns,
            warehouse(node.get("warehouse"), load, key, columnNames, where + " warehouse"));
    checkKey(model, where);
    checkPartitioning(model, where);
    return model;
  }

  /**
   * The model's {@code warehouse} block: its table, and only the fields of its load mode, each
   * naming columns the model has.
   */
  private static WarehouseTarget warehouse(
      JsonNode node, LoadMode load, List<String> key, Set<String> columns, String where) {
    if (node == null || !node.isObject()) {
      throw new InvalidGoldContractException(where + ": missing (needs at least 'table')");
    }
    requireKnownKeys(node, TARGET_KEYS, where);
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      if (!TARGET_KEYS_BY_LOAD.get(load).contains(property.getKey())) {
        throw new InvalidGoldContractException(
            where
                + ": '"
                + property.getKey()
                + "' is not for load "
                + load.name().toLowerCase(Locale.ROOT));
      }
    }
    String table = text(node, "table", where);
    if (!TABLE.matcher(table).matches()) {
      throw new InvalidGoldContractException(
          where + ": table must be schema.table in snake_case, got " + table);
    }
    List<DerivedColumn> derived = new ArrayList<>();
    for (JsonNode column : node.path("derived")) {
      derived.add(derived(column, columns, where));
    }
    List<String> mergeKey = new ArrayList<>();
    node.path("mergeKey").forEach(k -> mergeKey.add(existing(k.asString(), columns, where)));
    if (load == LoadMode.MERGE && mergeKey.isEmpty()) {
      mergeKey.addAll(key);
    }
    Optional<String> versionColumn =
        node.hasNonNull("versionColumn")
            ? Optional.of(existing(node.get("versionColumn").asString(), columns, where))
            : Optional.empty();
    Map<String, ColumnMerge> merges = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> merge : node.path("columns").properties()) {
      String column = existing(merge.getKey(), columns, where);
      try {
        merges.put(
            column, ColumnMerge.valueOf(merge.getValue().asString().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new InvalidGoldContractException(
            where
                + " column "
                + column
                + ": merge must be overwrite, keep_known, earliest or latest, got "
                + merge.getValue().asString(),
            e);
      }
    }
    Optional<String> rekeys = Optional.empty();
    if (load == LoadMode.SCD2) {
      String fact = text(node, "rekeys", where);
      if (!TABLE.matcher(fact).matches()) {
        throw new InvalidGoldContractException(
            where + ": rekeys must be schema.table, got " + fact);
      }
      rekeys = Optional.of(fact);
    }
    return new WarehouseTarget(table, derived, mergeKey, versionColumn, merges, rekeys);
  }

  private static DerivedColumn derived(JsonNode node, Set<String> columns, String where) {
    String name = text(node, "name", where + " derived");
    String at = where + " derived " + name;
    requireSnakeCase(name, at);
    if (columns.contains(name)) {
      throw new InvalidGoldContractException(at + ": already a column of the model");
    }
    if (node.hasNonNull("dateKeyOf")) {
      requireKnownKeys(node, Set.of("name", "dateKeyOf"), at);
      return new DerivedColumn.DateKey(
          name, existing(node.get("dateKeyOf").asString(), columns, at));
    }
    if (node.hasNonNull("customerKeyOf")) {
      requireKnownKeys(node, Set.of("name", "customerKeyOf", "asOf"), at);
      return new DerivedColumn.CustomerKeyAsOf(
          name,
          existing(node.get("customerKeyOf").asString(), columns, at),
          existing(text(node, "asOf", at), columns, at));
    }
    throw new InvalidGoldContractException(at + ": needs dateKeyOf, or customerKeyOf and asOf");
  }

  private static String existing(String column, Set<String> columns, String where) {
    if (!columns.contains(column)) {
      throw new InvalidGoldContractException(where + ": no column " + column);
    }
    return column;
  }

  private static GoldColumn column(JsonNode node, String where) {
    String name = text(node, "name", where);
    String at = where + " column " + name;
    requireSnakeCase(name, at);
    requireKnownKeys(node, COLUMN_KEYS, at);
    ColumnType type;
    try {
      type = ColumnType.parse(text(node, "type", at));
    } catch (IllegalArgumentException e) {
      throw new InvalidGoldContractException(at + ": " + e.getMessage(), e);
    }
    return new GoldColumn(
        name, type, node.path("required").asBoolean(false), text(node, "description", at));
  }

  private static void checkKey(ModelContract model, String where) {
    if (model.key().isEmpty()) {
      throw new InvalidGoldContractException(where + ": no key");
    }
    for (String column : model.key()) {
      GoldColumn found =
          model
              .column(column)
              .orElseThrow(
                  () ->
                      new InvalidGoldContractException(
                          where + ": key column " + column + " missing"));
      if (!found.required()) {
        throw new InvalidGoldContractException(where + ": key column " + column + " not required");
      }
    }
  }

  private static void checkPartitioning(ModelContract model, String where) {
    if (model.load() != LoadMode.REPLACE_PARTITIONS) {
      if (model.partitionedBy() != null) {
        throw new InvalidGoldContractException(
            where + ": partitionedBy is only for load replace_partitions");
      }
      return;
    }
    GoldColumn partition =
        model
            .partitionColumn()
            .flatMap(model::column)
            .orElseThrow(
                () ->
                    new InvalidGoldContractException(
                        where + ": replace_partitions needs partitionedBy naming a column"));
    if (partition.type().kind() != ColumnType.Kind.DATE || !partition.required()) {
      throw new InvalidGoldContractException(
          where + ": partition column " + partition.name() + " must be a required date");
    }
  }

  private static LoadMode loadMode(String text, String where) {
    try {
      return LoadMode.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidGoldContractException(
          where + ": load must be replace_partitions, merge or scd2, got " + text, e);
    }
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isValueNode() || value.isNull() || value.asString().isBlank()) {
      throw new InvalidGoldContractException(where + ": '" + field + "' missing");
    }
    return value.asString();
  }

  private static void requireSnakeCase(String name, String where) {
    if (!SNAKE_CASE.matcher(name).matches()) {
      throw new InvalidGoldContractException(where + ": name must be snake_case");
    }
  }

  private static void requireKnownKeys(JsonNode node, Set<String> known, String where) {
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      if (!known.contains(property.getKey())) {
        throw new InvalidGoldContractException(where + ": unknown key '" + property.getKey() + "'");
      }
    }
  }
}

package io.customer360.transform.gold.model;

import io.customer360.common.gold.GoldColumn;
import io.customer360.common.gold.GoldContract;
import io.customer360.common.gold.ModelContract;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads one {@code <model>.yaml} and its SQL, and checks what one file can be checked for: known
 * keys, the model exists in the contract with the same partition column, every column a test names
 * is a contract column, the key is tested unique, every required column is tested not null, and
 * inputs are well formed. Cross-model rules (inputs exist, no cycles) are {@link GoldModels}'.
 */
final class ModelFileParser {

  private static final Set<String> KEYS =
      Set.of("model", "description", "grain", "inputs", "partitionedBy", "parameters", "tests");
  private static final Set<String> TEST_KEYS =
      Set.of("unique", "notNull", "acceptedValues", "relationships", "reconcile");
  private static final Set<String> RELATIONSHIP_KEYS = Set.of("column", "to", "field");
  private static final Set<String> RECONCILE_KEYS = Set.of("name", "actual", "expected");

  private final YAMLMapper yaml = YAMLMapper.builder().build();
  private final GoldContract contract;

  ModelFileParser(GoldContract contract) {
    this.contract = contract;
  }

  GoldModel parse(String file, String expectedName, InputStream content, String sql) {
    JsonNode root;
    try {
      root = yaml.readTree(content);
    } catch (JacksonException e) {
      throw new InvalidGoldModelException(file + ": not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidGoldModelException(file + ": expected a mapping");
    }
    knownKeys(root, KEYS, file);
    String name = text(root, "model", file);
    if (!name.equals(expectedName)) {
      throw new InvalidGoldModelException(
          file + ": model '" + name + "' must be defined in " + name + ".yaml");
    }
    ModelContract declared =
        contract
            .model(name)
            .orElseThrow(
                () ->
                    new InvalidGoldModelException(
                        file + ": model '" + name + "' is not in the gold contract"));
    Optional<String> partitionedBy =
        root.hasNonNull("partitionedBy")
            ? Optional.of(root.get("partitionedBy").asString())
            : Optional.empty();
    if (!partitionedBy.equals(declared.partitionColumn())) {
      throw new InvalidGoldModelException(
          file
              + ": partitionedBy "
              + partitionedBy.orElse("(none)")
              + " differs from the contract's "
              + declared.partitionColumn().orElse("(none)"));
    }
    if (Sql.statement(sql).isEmpty()) {
      throw new InvalidGoldModelException(file + ": the model's SQL file is empty");
    }
    ModelTests tests = tests(root.path("tests"), file, declared);
    return new GoldModel(
        name,
        text(root, "description", file),
        text(root, "grain", file),
        inputs(root, file),
        partitionedBy,
        tests,
        Sql.statement(sql),
        declared.columns(),
        declared.key(),
        parameters(root.path("parameters"), file));
  }

  private static List<String> inputs(JsonNode root, String file) {
    List<String> inputs = new ArrayList<>();
    for (JsonNode input : root.path("inputs")) {
      String text = input.asString("");
      String[] parts = text.split("\\.", 2);
      if (parts.length != 2
          || !(parts[0].equals("silver") || parts[0].equals("gold"))
          || !Sql.isName(parts[1])) {
        throw new InvalidGoldModelException(
            file + ": input '" + text + "' must be silver.<dataset> or gold.<model>");
      }
      inputs.add(text);
    }
    if (inputs.isEmpty()) {
      throw new InvalidGoldModelException(file + ": no inputs");
    }
    return inputs;
  }

  private static Map<String, String> parameters(JsonNode node, String file) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (!Sql.isName(entry.getKey())) {
        throw new InvalidGoldModelException(file + ": parameter '" + entry.getKey() + "'");
      }
      JsonNode value = entry.getValue();
      parameters.put(
          entry.getKey(), value.isNumber() ? value.asString() : Sql.literal(value.asString()));
    }
    return parameters;
  }

  private static ModelTests tests(JsonNode node, String file, ModelContract declared) {
    String where = file + " tests";
    knownKeys(node, TEST_KEYS, where);
    Function<String, String> column = c -> contractColumn(c, declared, where);
    List<List<String>> unique = new ArrayList<>();
    for (JsonNode columns : node.path("unique")) {
      unique.add(strings(columns, where + ".unique").stream().map(column).toList());
    }
    List<String> notNull = strings(node.path("notNull"), where).stream().map(column).toList();
    Map<String, List<String>> accepted = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.path("acceptedValues").properties()) {
      accepted.put(column.apply(entry.getKey()), strings(entry.getValue(), where));
    }
    List<ModelTests.Relationship> relationships = new ArrayList<>();
    for (JsonNode r : node.path("relationships")) {
      knownKeys(r, RELATIONSHIP_KEYS, where + ".relationships");
      relationships.add(
          new ModelTests.Relationship(
              column.apply(text(r, "column", where)),
              target(text(r, "to", where), where),
              text(r, "field", where)));
    }
    List<ModelTests.Reconciliation> reconcile = new ArrayList<>();
    for (JsonNode r : node.path("reconcile")) {
      knownKeys(r, RECONCILE_KEYS, where + ".reconcile");
      reconcile.add(
          new ModelTests.Reconciliation(
              text(r, "name", where),
              Sql.statement(text(r, "actual", where)),
              Sql.statement(text(r, "expected", where))));
    }
    ModelTests tests = new ModelTests(unique, notNull, accepted, relationships, reconcile);
    requireContractTests(tests, declared, file);
    return tests;
  }

  /** The contract's key must be tested unique and its required columns not null. */
  private static void requireContractTests(ModelTests tests, ModelContract declared, String file) {
    boolean keyTested =
        tests.unique().stream()
            .anyMatch(u -> new HashSet<>(u).equals(new HashSet<>(declared.key())));
    if (!keyTested) {
      throw new InvalidGoldModelException(
          file + ": tests.unique must include the contract key " + declared.key());
    }
    for (GoldColumn c : declared.columns()) {
      if (c.required() && !tests.notNull().contains(c.name())) {
        throw new InvalidGoldModelException(
            file + ": tests.notNull must include required column " + c.name());
      }
    }
  }

  private static String target(String to, String where) {
    String[] parts = to.split("\\.", 2);
    if (parts.length != 2
        || !(parts[0].equals("silver") || parts[0].equals("gold"))
        || !Sql.isName(parts[1])) {
      throw new InvalidGoldModelException(
          where + ": relationship target '" + to + "' must be gold.<model> or silver.<dataset>");
    }
    return to;
  }

  private static String contractColumn(String name, ModelContract declared, String where) {
    if (declared.column(name).isEmpty()) {
      throw new InvalidGoldModelException(
          where + ": column '" + name + "' is not a column of " + declared.name());
    }
    return name;
  }

  private static List<String> strings(JsonNode node, String where) {
    if (node.isMissingNode()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new InvalidGoldModelException(where + ": expected a list, got " + node);
    }
    List<String> values = new ArrayList<>();
    node.forEach(v -> values.add(v.asString()));
    return values;
  }

  private static String text(JsonNode node, String key, String where) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull() || value.asString("").isBlank()) {
      throw new InvalidGoldModelException(where + ": '" + key + "' is required");
    }
    return value.asString();
  }

  private static void knownKeys(JsonNode node, Set<String> allowed, String where) {
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String key = entry.getKey();
      if (!allowed.contains(key)) {
        throw new InvalidGoldModelException(
            where + ": unknown key '" + key + "'; allowed: " + new java.util.TreeSet<>(allowed));
      }
    }
  }
}

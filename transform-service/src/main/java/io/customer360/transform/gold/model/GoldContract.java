package io.customer360.transform.gold.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The gold → warehouse contract as the model layer needs it: per model its columns (name, SQL type,
 * DuckDB type, required), key, partition column and load mode. warehouse-loader owns the file and
 * checks its own rules; this reader only translates types.
 */
final class GoldContract {

  /** Where the contract is read from. */
  static final String DEFAULT_LOCATION = "classpath*:gold/contract.yaml";

  private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");
  private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),\\s*(\\d+)\\)");

  /** One model of the contract. */
  record Model(
      String name,
      String description,
      String grain,
      String load,
      Optional<String> partitionedBy,
      List<String> key,
      List<GoldColumn> columns) {

    Optional<GoldColumn> column(String column) {
      return columns.stream().filter(c -> c.name().equals(column)).findFirst();
    }
  }

  private final Map<String, Model> models;

  private GoldContract(Map<String, Model> models) {
    this.models = models;
  }

  Optional<Model> model(String name) {
    return Optional.ofNullable(models.get(name));
  }

  List<String> modelNames() {
    return List.copyOf(models.keySet());
  }

  static GoldContract load(String location) {
    Resource resource = resource(location);
    try (InputStream in = resource.getInputStream()) {
      return parse(resource.getDescription(), in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the gold contract " + location, e);
    }
  }

  private static Resource resource(String location) {
    try {
      Resource[] found = new PathMatchingResourcePatternResolver().getResources(location);
      if (found.length == 0 || !found[0].exists()) {
        throw new InvalidGoldModelException(
            "No gold contract at "
                + location
                + "; transform-service packages it as gold/contract.yaml");
      }
      return found[0];
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot look up the gold contract at " + location, e);
    }
  }

  static GoldContract parse(String file, InputStream content) {
    JsonNode root;
    try {
      root = YAMLMapper.builder().build().readTree(content);
    } catch (JacksonException e) {
      throw new InvalidGoldModelException(file + ": not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.path("models").isArray()) {
      throw new InvalidGoldModelException(file + ": expected a 'models' list");
    }
    Map<String, Model> models = new LinkedHashMap<>();
    for (JsonNode node : root.path("models")) {
      Model model = model(file, node);
      models.put(model.name(), model);
    }
    return new GoldContract(models);
  }

  private static Model model(String file, JsonNode node) {
    String name = node.path("name").asString("");
    List<GoldColumn> columns = new ArrayList<>();
    for (JsonNode column : node.path("columns")) {
      columns.add(column(file + " model " + name, column));
    }
    List<String> key = new ArrayList<>();
    node.path("key").forEach(k -> key.add(k.asString()));
    Optional<String> partitionedBy =
        node.hasNonNull("partitionedBy")
            ? Optional.of(node.get("partitionedBy").asString())
            : Optional.empty();
    return new Model(
        name,
        node.path("description").asString(""),
        node.path("grain").asString(""),
        node.path("load").asString(""),
        partitionedBy,
        List.copyOf(key),
        List.copyOf(columns));
  }

  private static GoldColumn column(String where, JsonNode node) {
    String name = node.path("name").asString("");
    String type = node.path("type").asString("").trim().toLowerCase(Locale.ROOT);
    int maxLength = 0;
    String duckDb;
    Matcher varchar = VARCHAR.matcher(type);
    Matcher numeric = NUMERIC.matcher(type);
    if (varchar.matches()) {
      duckDb = "VARCHAR";
      maxLength = Integer.parseInt(varchar.group(1));
    } else if (numeric.matches()) {
      duckDb = "DECIMAL(" + numeric.group(1) + "," + numeric.group(2) + ")";
    } else {
      duckDb =
          switch (type) {
            case "date" -> "DATE";
            case "timestamptz" -> "TIMESTAMP WITH TIME ZONE";
            case "integer" -> "INTEGER";
            case "bigint" -> "BIGINT";
            case "double precision" -> "DOUBLE";
            case "boolean" -> "BOOLEAN";
            default ->
                throw new InvalidGoldModelException(
                    where + " column " + name + ": unknown type '" + type + "'");
          };
    }
    return new GoldColumn(
        name,
        type,
        duckDb,
        maxLength,
        node.path("required").asBoolean(false),
        node.path("description").asString(""));
  }
}

package io.customer360.common.contract;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads one contract file and checks every rule a contract must keep, so later stages can trust it.
 * The rules: known keys only; snake_case unique field names and aliases; known types and
 * enumerations; the event-time field exists, is required and temporal (a timestamp when partitioned
 * by hour); the dedup key names required fields or lineage fields; PII fields only in confidential
 * or restricted datasets; CDC fields exist; date formats are valid patterns on temporal fields.
 */
public final class ContractParser {

  private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Set<String> TOP_KEYS =
      Set.of(
          "dataset",
          "version",
          "owner",
          "sensitivity",
          "description",
          "source",
          "eventTime",
          "dedupKey",
          "partitioning",
          "nullTokens",
          "cdc",
          "fields");
  private static final Set<String> FIELD_KEYS =
      Set.of(
          "name", "type", "required", "aliases", "formats", "allowedValues", "pii", "description");
  private static final Set<String> SOURCE_KEYS = Set.of("channel", "name", "format");
  private static final Set<String> CDC_KEYS = Set.of("operationField", "sequenceField");

  private final YAMLMapper yaml = YAMLMapper.builder().build();

  /**
   * Parses and validates a contract.
   *
   * @param file how the file is named in error messages (its classpath or file-system location)
   * @param expectedName the dataset name the file name implies, or {@code null} to skip that check
   * @param content the YAML text
   * @throws InvalidContractException naming the file and field at fault
   */
  public DatasetContract parse(String file, String expectedName, InputStream content) {
    JsonNode root;
    try {
      root = yaml.readTree(content);
    } catch (JacksonException e) {
      throw new InvalidContractException(file, "not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidContractException(file, "expected a YAML mapping at the top level");
    }
    return new Reader(file).contract(root, expectedName);
  }

  /** Parses a contract from a stream that must be closed by this call. */
  public DatasetContract parseAndClose(String file, String expectedName, InputStream content) {
    try (content) {
      return parse(file, expectedName, content);
    } catch (IOException e) {
      throw new InvalidContractException(file, "cannot be read: " + e.getMessage(), e);
    }
  }

  /** Walks one file's tree, carrying the file name into every error. */
  private static final class Reader {
    private final String file;

    Reader(String file) {
      this.file = file;
    }

    DatasetContract contract(JsonNode root, String expectedName) {
      onlyKeys(root, TOP_KEYS, "");
      String name = snakeCase(text(root, "dataset", ""), "dataset");
      if (expectedName != null && !expectedName.equals(name)) {
        throw error("dataset '" + name + "' does not match the file name '" + expectedName + "'");
      }
      int version = root.path("version").asInt(0);
      if (version < 1) {
        throw error("'version' must be a whole number of at least 1");
      }
      List<FieldSpec> fields = fields(root.path("fields"));
      String eventTime = text(root, "eventTime", "");
      List<String> dedupKey = strings(root.path("dedupKey"), "dedupKey");
      PartitionGranularity partitioning =
          enumValue(PartitionGranularity.class, text(root, "partitioning", ""), "'partitioning'");
      Sensitivity sensitivity =
          enumValue(Sensitivity.class, text(root, "sensitivity", ""), "'sensitivity'");
      Optional<CdcSpec> cdc = cdc(root.path("cdc"));
      var contract =
          new DatasetContract(
              name,
              version,
              text(root, "owner", ""),
              sensitivity,
              optionalText(root, "description"),
              source(root.path("source")),
              eventTime,
              dedupKey,
              partitioning,
              strings(root.path("nullTokens"), "nullTokens"),
              cdc,
              fields);
      checkEventTime(contract);
      checkDedupKey(contract);
      checkPii(contract);
      cdc.ifPresent(spec -> checkCdc(contract, spec));
      return contract;
    }

    private List<FieldSpec> fields(JsonNode node) {
      if (!node.isArray() || node.isEmpty()) {
        throw error("'fields' must be a non-empty list");
      }
      List<FieldSpec> fields = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (JsonNode fieldNode : node) {
        FieldSpec field = field(fieldNode);
        for (String alias : concat(field.name(), field.aliases())) {
          if (!names.add(alias)) {
            throw error(
                "field '" + field.name() + "': name or alias '" + alias + "' is used twice");
          }
        }
        fields.add(field);
      }
      return fields;
    }

    private FieldSpec field(JsonNode node) {
      if (!node.isObject()) {
        throw error("every entry of 'fields' must be a mapping with at least 'name' and 'type'");
      }
      String name = snakeCase(text(node, "name", "a field: "), "field name");
      String where = "field '" + name + "': ";
      onlyKeys(node, FIELD_KEYS, where);
      String typeName = text(node, "type", where);
      FieldType type =
          FieldType.fromContractName(typeName)
              .orElseThrow(
                  () ->
                      error(
                          where
                              + "unknown type '"
                              + typeName
                              + "' (expected one of: "
                              + FieldType.allNames()
                              + ")"));
      List<String> formats = strings(node.path("formats"), where + "'formats'");
      if (!formats.isEmpty() && !type.isTemporal()) {
        throw error(where + "'formats' applies only to date and timestamp fields");
      }
      for (String format : formats) {
        checkPattern(where, format);
      }
      PiiTreatment pii =
          node.has("pii")
              ? enumValue(PiiTreatment.class, text(node, "pii", where), where + "'pii'")
              : PiiTreatment.NONE;
      return new FieldSpec(
          name,
          type,
          node.path("required").asBoolean(false),
          strings(node.path("aliases"), where + "'aliases'"),
          formats,
          strings(node.path("allowedValues"), where + "'allowedValues'"),
          pii,
          optionalText(node, "description"));
    }

    private DatasetSource source(JsonNode node) {
      if (!node.isObject()) {
        throw error("'source' must be a mapping with 'channel', 'name' and 'format'");
      }
      onlyKeys(node, SOURCE_KEYS, "source: ");
      return new DatasetSource(
          enumValue(SourceChannel.class, text(node, "channel", "source: "), "'source.channel'"),
          text(node, "name", "source: "),
          enumValue(SourceFormat.class, text(node, "format", "source: "), "'source.format'"));
    }

    private Optional<CdcSpec> cdc(JsonNode node) {
      if (node.isMissingNode() || node.isNull()) {
        return Optional.empty();
      }
      onlyKeys(node, CDC_KEYS, "cdc: ");
      return Optional.of(
          new CdcSpec(text(node, "operationField", "cdc: "), text(node, "sequenceField", "cdc: ")));
    }

    private void checkEventTime(DatasetContract contract) {
      String name = contract.eventTimeField();
      FieldSpec field =
          contract
              .field(name)
              .orElseThrow(
                  () -> error("field '" + name + "': named by 'eventTime' but not declared"));
      if (!field.type().isTemporal()) {
        throw error("field '" + name + "': the event time must be a date or timestamp");
      }
      if (!field.required()) {
        throw error("field '" + name + "': the event time must be required");
      }
      if (contract.partitioning() == PartitionGranularity.HOUR
          && field.type() != FieldType.TIMESTAMP) {
        throw error("field '" + name + "': hourly partitioning needs a timestamp event time");
      }
    }

    private void checkDedupKey(DatasetContract contract) {
      if (contract.dedupKey().isEmpty()) {
        throw error("'dedupKey' must name at least one field");
      }
      for (String key : contract.dedupKey()) {
        if (DatasetContract.LINEAGE_FIELDS.contains(key)) {
          continue;
        }
        FieldSpec field =
            contract
                .field(key)
                .orElseThrow(
                    () -> error("field '" + key + "': named by 'dedupKey' but not declared"));
        if (!field.required()) {
          throw error("field '" + key + "': a dedup key field must be required");
        }
      }
    }

    private void checkPii(DatasetContract contract) {
      for (FieldSpec field : contract.piiFields()) {
        if (!contract.sensitivity().allowsPii()) {
          throw error(
              "field '"
                  + field.name()
                  + "': PII in a dataset classified "
                  + contract.sensitivity().name().toLowerCase(Locale.ROOT)
                  + " (PII needs confidential or restricted)");
        }
        if (field.pii() == PiiTreatment.DROP && contract.dedupKey().contains(field.name())) {
          throw error("field '" + field.name() + "': a dropped PII field cannot be a dedup key");
        }
      }
    }

    private void checkCdc(DatasetContract contract, CdcSpec cdc) {
      for (String name : List.of(cdc.operationField(), cdc.sequenceField())) {
        if (contract.field(name).isEmpty()) {
          throw error("field '" + name + "': named by 'cdc' but not declared");
        }
      }
      if (contract.field(cdc.sequenceField()).orElseThrow().type() != FieldType.TIMESTAMP) {
        throw error("field '" + cdc.sequenceField() + "': the CDC sequence must be a timestamp");
      }
    }

    private void checkPattern(String where, String pattern) {
      try {
        java.time.format.DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
      } catch (IllegalArgumentException e) {
        throw error(where + "format '" + pattern + "' is not a valid pattern: " + e.getMessage());
      }
    }

    private void onlyKeys(JsonNode node, Set<String> allowed, String where) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        if (!allowed.contains(entry.getKey())) {
          throw error(
              where
                  + "unknown key '"
                  + entry.getKey()
                  + "' (allowed: "
                  + allowed.stream().sorted().collect(Collectors.joining(", "))
                  + ")");
        }
      }
    }

    private String text(JsonNode node, String key, String where) {
      JsonNode value = node.path(key);
      if (!value.isValueNode() || value.isNull() || value.asString().isBlank()) {
        throw error(where + "'" + key + "' is required");
      }
      return value.asString().trim();
    }

    private String optionalText(JsonNode node, String key) {
      JsonNode value = node.path(key);
      return value.isValueNode() && !value.isNull() ? value.asString().trim() : "";
    }

    private List<String> strings(JsonNode node, String what) {
      if (node.isMissingNode() || node.isNull()) {
        return List.of();
      }
      if (!node.isArray()) {
        throw error(what + " must be a list");
      }
      List<String> values = new ArrayList<>();
      for (JsonNode item : node) {
        if (!item.isValueNode() || item.isNull()) {
          throw error(what + " must hold plain values only");
        }
        values.add(item.asString());
      }
      return values;
    }

    private String snakeCase(String value, String what) {
      if (!SNAKE_CASE.matcher(value).matches()) {
        throw error(what + " '" + value + "' must be snake_case (lower-case letters, digits, _)");
      }
      return value;
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String value, String what) {
      return Arrays.stream(type.getEnumConstants())
          .filter(c -> c.name().equalsIgnoreCase(value))
          .findFirst()
          .orElseThrow(
              () ->
                  error(
                      what
                          + " has unknown value '"
                          + value
                          + "' (expected one of: "
                          + Arrays.stream(type.getEnumConstants())
                              .map(c -> c.name().toLowerCase(Locale.ROOT))
                              .collect(Collectors.joining(", "))
                          + ")"));
    }

    private static List<String> concat(String first, List<String> rest) {
      List<String> all = new ArrayList<>(rest.size() + 1);
      all.add(first);
      all.addAll(rest);
      return all;
    }

    private InvalidContractException error(String problem) {
      return new InvalidContractException(file, problem);
    }
  }
}

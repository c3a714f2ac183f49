package io.customer360.demo.landing;

import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.FieldSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Says in words what a quarantine reason code means for a dataset. */
final class Reasons {

  /** Ingestion's codes for a whole file, and transform-service's fixed record codes. */
  private static final Map<String, String> FIXED =
      Map.ofEntries(
          Map.entry("truncated_gzip", "the gzip data ends early: the file was cut off"),
          Map.entry("corrupt_gzip", "the file starts like gzip but is not valid gzip data"),
          Map.entry("truncated_parquet", "the Parquet file is incomplete"),
          Map.entry("binary_content", "binary data, not CSV or JSON lines text"),
          Map.entry("not_utf8", "text that is not UTF-8"),
          Map.entry("empty_file", "the file is empty"),
          Map.entry("unsupported_format", "neither CSV, JSON lines nor Parquet"),
          Map.entry("unknown_source", "no dataset reads this landing folder"),
          Map.entry("too_large", "larger than the platform accepts"),
          Map.entry("unparseable_json", "not valid JSON"),
          Map.entry("not_a_json_object", "a JSON value that is not an object"),
          Map.entry("invalid_utf8", "not valid UTF-8"));

  private final DatasetContract contract;

  Reasons(DatasetContract contract) {
    this.contract = contract;
  }

  /** A short explanation of a code; the code itself when it is not one the platform documents. */
  String explain(String code) {
    if (code.equals(ReasonRows.UNREADABLE_FILE)) {
      return "transform-service could not read it as "
          + format()
          + " (another format, or rows with a different number of columns)";
    }
    if (code.startsWith("missing_field:")) {
      return "required field " + code.substring("missing_field:".length()) + " is missing or empty";
    }
    if (code.startsWith("bad_type:")) {
      String field = code.substring("bad_type:".length());
      return field + " is not a valid " + field(field).map(this::typeOf).orElse("value");
    }
    Optional<FieldSpec> allowed = allowedValuesField(code);
    if (allowed.isPresent()) {
      return allowed.get().name()
          + " is not one of "
          + String.join(", ", allowed.get().allowedValues());
    }
    return FIXED.getOrDefault(code, code);
  }

  /**
   * What to check in the file when every record failed for this code: the column names the contract
   * reads a missing field from, or the formats a date or timestamp may have.
   */
  Optional<String> hint(String code) {
    if (code.startsWith("missing_field:")) {
      return field(code.substring("missing_field:".length()))
          .map(f -> "the file needs a column named " + String.join(" or ", names(f)));
    }
    if (code.startsWith("bad_type:")) {
      return field(code.substring("bad_type:".length()))
          .filter(f -> !f.formats().isEmpty())
          .map(f -> f.name() + " must have one of the formats " + String.join(" | ", f.formats()));
    }
    return Optional.empty();
  }

  private Optional<FieldSpec> allowedValuesField(String code) {
    if (!code.startsWith("unknown_")) {
      return Optional.empty();
    }
    return field(code.substring("unknown_".length())).filter(f -> !f.allowedValues().isEmpty());
  }

  private Optional<FieldSpec> field(String name) {
    return contract.fields().stream().filter(f -> f.name().equals(name)).findFirst();
  }

  private String typeOf(FieldSpec field) {
    return field.type().name().toLowerCase(Locale.ROOT);
  }

  private String format() {
    return contract.source().format().name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static List<String> names(FieldSpec field) {
    List<String> names = new ArrayList<>();
    names.add(field.name());
    names.addAll(field.aliases());
    return names;
  }
}

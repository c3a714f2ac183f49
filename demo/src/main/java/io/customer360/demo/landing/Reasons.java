package io.customer360.demo.landing;

import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.FieldSpec;
import io.customer360.common.lake.QuarantineReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Says in words what a quarantine reason code means for a dataset. */
final class Reasons {

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
    if (code.startsWith(QuarantineReason.MISSING_FIELD)) {
      return "required field "
          + code.substring(QuarantineReason.MISSING_FIELD.length())
          + " is missing or empty";
    }
    if (code.startsWith(QuarantineReason.BAD_TYPE)) {
      String field = code.substring(QuarantineReason.BAD_TYPE.length());
      return field + " is not a valid " + field(field).map(this::typeOf).orElse("value");
    }
    Optional<FieldSpec> allowed = allowedValuesField(code);
    if (allowed.isPresent()) {
      return allowed.get().name()
          + " is not one of "
          + String.join(", ", allowed.get().allowedValues());
    }
    return QuarantineReason.ofCode(code).map(QuarantineReason::meaning).orElse(code);
  }

  /**
   * What to check in the file when every record failed for this code: the column names the contract
   * reads a missing field from, or the formats a date or timestamp may have.
   */
  Optional<String> hint(String code) {
    if (code.startsWith(QuarantineReason.MISSING_FIELD)) {
      return field(code.substring(QuarantineReason.MISSING_FIELD.length()))
          .map(f -> "the file needs a column named " + String.join(" or ", names(f)));
    }
    if (code.startsWith(QuarantineReason.BAD_TYPE)) {
      return field(code.substring(QuarantineReason.BAD_TYPE.length()))
          .filter(f -> !f.formats().isEmpty())
          .map(f -> f.name() + " must have one of the formats " + String.join(" | ", f.formats()));
    }
    return Optional.empty();
  }

  private Optional<FieldSpec> allowedValuesField(String code) {
    if (!code.startsWith(QuarantineReason.UNKNOWN_VALUE)) {
      return Optional.empty();
    }
    return field(code.substring(QuarantineReason.UNKNOWN_VALUE.length()))
        .filter(f -> !f.allowedValues().isEmpty());
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

package io.customer360.common.contract;

import java.util.List;

/**
 * One field of a dataset contract.
 *
 * @param name the standardized snake_case name used in silver and gold
 * @param type the standardized type
 * @param required whether a record without a value is quarantined ({@code missing_field:<name>})
 * @param aliases other names sources use for the same concept (header variations)
 * @param formats accepted text formats for dates and timestamps, as {@link
 *     java.time.format.DateTimeFormatter} patterns, tried in order
 * @param allowedValues the closed set of accepted values, empty when any value is accepted
 * @param pii how silver protects this field
 * @param description what the field means, for the data catalogue
 */
public record FieldSpec(
    String name,
    FieldType type,
    boolean required,
    List<String> aliases,
    List<String> formats,
    List<String> allowedValues,
    PiiTreatment pii,
    String description) {

  public FieldSpec {
    aliases = List.copyOf(aliases);
    formats = List.copyOf(formats);
    allowedValues = List.copyOf(allowedValues);
  }

  /** Whether silver must protect this field. */
  public boolean isPii() {
    return pii != PiiTreatment.NONE;
  }

  /** Whether {@code candidate} names this field, by its name or one of its aliases. */
  public boolean isNamed(String candidate) {
    return name.equals(candidate) || aliases.contains(candidate);
  }
}

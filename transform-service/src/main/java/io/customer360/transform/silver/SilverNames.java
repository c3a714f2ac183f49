package io.customer360.transform.silver;

import io.customer360.common.contract.FieldSpec;
import java.util.List;
import java.util.Optional;

/** How contract fields are named in silver, for the catalog and the gold models. */
public final class SilverNames {

  private SilverNames() {}

  /**
   * The silver column of a field: its name, {@code <name>_hash} or {@code <name>_token} when
   * protected, empty when dropped.
   */
  public static Optional<String> column(FieldSpec field) {
    return switch (field.pii()) {
      case DROP -> Optional.empty();
      case HASH -> Optional.of(field.name() + "_hash");
      case TOKENIZE -> Optional.of(field.name() + "_token");
      case NONE -> Optional.of(field.name());
    };
  }

  /** Columns silver derives for a dataset beyond its fields, in silver column order. */
  public static List<DerivedColumn> derivedColumns(String dataset) {
    return Derivations.of(dataset);
  }
}

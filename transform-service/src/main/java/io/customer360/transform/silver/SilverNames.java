package io.customer360.transform.silver;

import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.FieldSpec;
import io.customer360.common.contract.PartitionGranularity;
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

  /**
   * The partition columns of a dataset's silver layout, outermost first, as they appear in folder
   * names: {@code event_date}, and {@code event_hour} for hourly datasets.
   */
  public static List<String> partitionColumns(DatasetContract contract) {
    return contract.partitioning() == PartitionGranularity.HOUR
        ? List.of(SilverSql.EVENT_DATE, SilverSql.EVENT_HOUR)
        : List.of(SilverSql.EVENT_DATE);
  }
}

package io.customer360.common.contract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The standardized (silver) type of a contract field. Sources may send any of them as text. */
public enum FieldType {
  STRING,
  INTEGER,
  LONG,
  DECIMAL,
  DOUBLE,
  BOOLEAN,
  DATE,
  TIMESTAMP;

  /** The name used in contract files. */
  public String contractName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<FieldType> fromContractName(String name) {
    return Arrays.stream(values()).filter(t -> t.contractName().equals(name)).findFirst();
  }

  static String allNames() {
    return Arrays.stream(values()).map(FieldType::contractName).collect(Collectors.joining(", "));
  }

  /** Whether a value of this type can carry an event time. */
  public boolean isTemporal() {
    return this == DATE || this == TIMESTAMP;
  }
}

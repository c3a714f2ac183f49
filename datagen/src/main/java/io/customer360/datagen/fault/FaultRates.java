package io.customer360.datagen.fault;

import java.util.EnumMap;
import java.util.Map;

/**
 * How often each fault is injected, as a probability per eligible record (stream faults) or per
 * eligible file (file faults). All zero by default.
 *
 * @param rates rate per fault kind; kinds not present are zero
 */
public record FaultRates(Map<FaultKind, Double> rates) {

  public FaultRates {
    EnumMap<FaultKind, Double> copy = new EnumMap<>(FaultKind.class);
    copy.putAll(rates);
    copy.values().forEach(FaultRates::check);
    rates = java.util.Collections.unmodifiableMap(copy);
  }

  /** No faults. */
  public static FaultRates none() {
    return new FaultRates(Map.of());
  }

  /** The same rate for every fault kind. */
  public static FaultRates uniform(double rate) {
    EnumMap<FaultKind, Double> all = new EnumMap<>(FaultKind.class);
    for (FaultKind kind : FaultKind.values()) {
      all.put(kind, rate);
    }
    return new FaultRates(all);
  }

  /** A copy with one kind's rate changed. */
  public FaultRates with(FaultKind kind, double rate) {
    EnumMap<FaultKind, Double> next = new EnumMap<>(FaultKind.class);
    next.putAll(rates);
    next.put(kind, rate);
    return new FaultRates(next);
  }

  /** The rate of a kind. */
  public double rate(FaultKind kind) {
    return rates.getOrDefault(kind, 0.0);
  }

  private static void check(Double rate) {
    if (rate == null || rate < 0 || rate > 1) {
      throw new IllegalArgumentException("fault rate must be between 0 and 1, was " + rate);
    }
  }
}

package io.customer360.loader.gold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gold models warehouse-loader loads, read from {@code gold/contract.yaml} on the classpath:
 * the interface between transform-service's gold models and the warehouse.
 */
public final class GoldContract {

  /** Where the contract lives on the classpath. */
  public static final String RESOURCE = "gold/contract.yaml";

  private final Map<String, GoldModel> models;
  private final List<GoldModel> ordered;

  GoldContract(List<GoldModel> models) {
    Map<String, GoldModel> byName = new LinkedHashMap<>();
    models.forEach(model -> byName.put(model.name(), model));
    this.models = Map.copyOf(byName);
    this.ordered = List.copyOf(models);
  }

  /**
   * Reads and validates the contract shipped with the loader.
   *
   * @throws InvalidGoldContractException when the file breaks a rule of the contract format
   */
  public static GoldContract load() {
    try (InputStream in = GoldContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new InvalidGoldContractException(RESOURCE + " is not on the classpath");
      }
      return new GoldContractParser().parse(RESOURCE, in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  /** The model of this name. */
  public Optional<GoldModel> model(String name) {
    return Optional.ofNullable(models.get(name));
  }

  /** Every model, in contract order. */
  public List<GoldModel> models() {
    return ordered;
  }
}

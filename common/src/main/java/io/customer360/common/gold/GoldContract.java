package io.customer360.common.gold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gold → warehouse contract, read from {@code gold/contract.yaml} on the classpath: per model
 * its columns and types, key, partition column and load mode. transform-service's gold models must
 * produce exactly these columns; warehouse-loader loads them by it. The one parser of the file.
 */
public final class GoldContract {

  /** Where the contract lives on the classpath. */
  public static final String RESOURCE = "gold/contract.yaml";

  private final Map<String, ModelContract> models;
  private final List<ModelContract> ordered;

  GoldContract(List<ModelContract> models) {
    Map<String, ModelContract> byName = new LinkedHashMap<>();
    models.forEach(model -> byName.put(model.name(), model));
    this.models = Map.copyOf(byName);
    this.ordered = List.copyOf(models);
  }

  /**
   * Reads and validates the contract shipped in {@code common}.
   *
   * @throws InvalidGoldContractException when the file breaks a rule of the contract format
   */
  public static GoldContract load() {
    try (InputStream in = GoldContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new InvalidGoldContractException(RESOURCE + " is not on the classpath");
      }
      return parse(RESOURCE, in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  /**
   * Reads and validates a contract from {@code content}.
   *
   * @param file what to name the source in error messages
   * @throws InvalidGoldContractException when the file breaks a rule of the contract format
   */
  public static GoldContract parse(String file, InputStream content) {
    return new GoldContractParser().parse(file, content);
  }

  /** The model of this name. */
  public Optional<ModelContract> model(String name) {
    return Optional.ofNullable(models.get(name));
  }

  /** Every model, in contract order. */
  public List<ModelContract> models() {
    return ordered;
  }
}

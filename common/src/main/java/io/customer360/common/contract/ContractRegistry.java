package io.customer360.common.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every dataset contract the platform knows, loaded and validated once at start-up. A service that
 * cannot trust its contracts must not start: loading throws {@link InvalidContractException} naming
 * the file and field.
 */
public final class ContractRegistry {

  /** Where the platform's own contracts live, inside the {@code common} jar. */
  public static final String DEFAULT_LOCATION = "classpath*:contracts/*.yaml";

  private final Map<String, DatasetContract> byName;

  private ContractRegistry(Map<String, DatasetContract> byName) {
    this.byName = Collections.unmodifiableMap(new TreeMap<>(byName));
  }

  /** Loads the platform's built-in contracts. */
  public static ContractRegistry loadDefault() {
    return load(DEFAULT_LOCATION);
  }

  /**
   * Loads every contract matching a Spring resource pattern such as {@code
   * classpath*:contracts/*.yaml} or {@code file:/etc/c360/contracts/*.yaml}.
   */
  public static ContractRegistry load(String locationPattern) {
    Resource[] resources;
    try {
      resources = new PathMatchingResourcePatternResolver().getResources(locationPattern);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list dataset contracts at " + locationPattern, e);
    }
    if (resources.length == 0) {
      throw new IllegalStateException(
          "No dataset contracts found at " + locationPattern + "; check c360.contracts.location");
    }
    ContractParser parser = new ContractParser();
    Map<String, DatasetContract> contracts = new TreeMap<>();
    Map<String, String> sources = new HashMap<>();
    for (Resource resource : resources) {
      String fileName = resource.getFilename();
      String location = describe(resource);
      String expectedName = fileName.substring(0, fileName.lastIndexOf('.'));
      DatasetContract contract;
      try {
        contract = parser.parseAndClose(location, expectedName, resource.getInputStream());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read dataset contract " + location, e);
      }
      String sameSource = sources.putIfAbsent(sourceKey(contract.source()), location);
      if (sameSource != null) {
        throw new InvalidContractException(
            location, "source '" + contract.source().name() + "' is already fed to " + sameSource);
      }
      if (contracts.putIfAbsent(contract.name(), contract) != null) {
        throw new InvalidContractException(
            location, "dataset '" + contract.name() + "' is declared twice");
      }
    }
    return new ContractRegistry(contracts);
  }

  private static String sourceKey(DatasetSource source) {
    return source.channel() + ":" + source.name();
  }

  private static String describe(Resource resource) {
    try {
      return resource.getURI().toString();
    } catch (IOException e) {
      return resource.getDescription();
    }
  }

  /** The contract of a dataset. */
  public Optional<DatasetContract> find(String dataset) {
    return Optional.ofNullable(byName.get(dataset));
  }

  /** The contract of a dataset that must exist. */
  public DatasetContract get(String dataset) {
    return find(dataset)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown dataset '" + dataset + "'; known: " + byName.keySet()));
  }

  /** The dataset fed by this Kinesis stream or landing folder. */
  public Optional<DatasetContract> forSource(SourceChannel channel, String sourceName) {
    return byName.values().stream()
        .filter(c -> c.source().channel() == channel && c.source().name().equals(sourceName))
        .findFirst();
  }

  /** All contracts, ordered by dataset name. */
  public Collection<DatasetContract> all() {
    return byName.values();
  }
}

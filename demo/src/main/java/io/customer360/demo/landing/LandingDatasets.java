package io.customer360.demo.landing;

import static io.customer360.demo.landing.LandFileException.usage;

import io.customer360.common.contract.ContractRegistry;
import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.SourceChannel;
import java.util.List;

/** The datasets a file can be landed for: those whose contract's source channel is landing. */
final class LandingDatasets {

  private final ContractRegistry contracts;

  LandingDatasets(ContractRegistry contracts) {
    this.contracts = contracts;
  }

  /** Names of the landing datasets, sorted. */
  List<String> names() {
    return contracts.all().stream()
        .filter(c -> c.source().channel() == SourceChannel.LANDING)
        .map(DatasetContract::name)
        .sorted()
        .toList();
  }

  /**
   * The contract of a landing dataset.
   *
   * @throws LandFileException (exit 2) when the dataset is unknown or arrives by stream, listing
   *     the datasets that can be landed
   */
  DatasetContract resolve(String dataset) {
    DatasetContract contract =
        contracts
            .find(dataset)
            .orElseThrow(() -> usage("unknown dataset '" + dataset + "'; " + landable()));
    if (contract.source().channel() != SourceChannel.LANDING) {
      throw usage(
          "dataset '"
              + dataset
              + "' arrives on the Kinesis stream "
              + contract.source().name()
              + ", not as files; "
              + landable());
    }
    return contract;
  }

  private String landable() {
    return "datasets that can be landed: " + String.join(", ", names());
  }
}

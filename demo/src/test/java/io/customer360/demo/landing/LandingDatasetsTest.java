package io.customer360.demo.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customer360.common.contract.ContractRegistry;
import org.junit.jupiter.api.Test;

class LandingDatasetsTest {

  private static final String LANDABLE =
      "datasets that can be landed: customers, order_items, orders, products, returns,"
          + " support_tickets, weather";

  private final LandingDatasets datasets = new LandingDatasets(ContractRegistry.loadDefault());

  @Test
  void listsExactlyTheDatasetsWhoseSourceIsALandingFolder() {
    assertThat(datasets.names())
        .containsExactly(
            "customers",
            "order_items",
            "orders",
            "products",
            "returns",
            "support_tickets",
            "weather");
  }

  @Test
  void resolvesALandingDatasetToItsContractAndSourceFolder() {
    assertThat(datasets.resolve("orders").source().name()).isEqualTo("dms/orders");
    assertThat(datasets.resolve("support_tickets").source().name()).isEqualTo("support");
  }

  @Test
  void refusesAnUnknownDatasetListingTheValidOnes() {
    assertThatThrownBy(() -> datasets.resolve("refunds"))
        .isInstanceOfSatisfying(LandFileException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessage("unknown dataset 'refunds'; " + LANDABLE);
  }

  @Test
  void refusesAStreamDatasetSayingWhereItArrives() {
    assertThatThrownBy(() -> datasets.resolve("clickstream"))
        .isInstanceOfSatisfying(LandFileException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessage(
            "dataset 'clickstream' arrives on the Kinesis stream c360-clickstream, not as files; "
                + LANDABLE);
  }
}

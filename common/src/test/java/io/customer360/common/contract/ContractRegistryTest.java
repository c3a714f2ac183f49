package io.customer360.common.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContractRegistryTest {

  @Test
  void loadsEveryPlatformContract() {
    ContractRegistry registry = ContractRegistry.loadDefault();

    assertThat(registry.all())
        .extracting(DatasetContract::name)
        .containsExactly(
            "clickstream",
            "customers",
            "order_items",
            "orders",
            "products",
            "returns",
            "support_tickets",
            "weather",
            "weblog");
  }

  @Test
  void routesSourcesToTheirDataset() {
    ContractRegistry registry = ContractRegistry.loadDefault();

    assertThat(registry.forSource(SourceChannel.STREAM, "c360-clickstream"))
        .map(DatasetContract::name)
        .contains("clickstream");
    assertThat(registry.forSource(SourceChannel.STREAM, "c360-weblog"))
        .map(DatasetContract::name)
        .contains("weblog");
    assertThat(registry.forSource(SourceChannel.LANDING, "dms/order_items"))
        .map(DatasetContract::name)
        .contains("order_items");
    assertThat(registry.forSource(SourceChannel.LANDING, "nowhere")).isEmpty();
  }

  @Test
  void platformContractsProtectPersonalFields() {
    ContractRegistry registry = ContractRegistry.loadDefault();

    assertThat(registry.get("customers").field("email").orElseThrow().pii())
        .isEqualTo(PiiTreatment.HASH);
    assertThat(registry.get("customers").field("street_address").orElseThrow().pii())
        .isEqualTo(PiiTreatment.DROP);
    assertThat(registry.get("clickstream").field("ip").orElseThrow().pii())
        .isEqualTo(PiiTreatment.HASH);
    assertThat(registry.get("weblog").field("host").orElseThrow().pii())
        .isEqualTo(PiiTreatment.HASH);
    assertThat(registry.get("clickstream").partitioning()).isEqualTo(PartitionGranularity.HOUR);
    assertThat(registry.get("orders").cdc()).isPresent();
  }

  @Test
  void brokenContractNamesFileAndField() {
    assertThatThrownBy(() -> ContractRegistry.load("classpath*:broken-contracts/*.yaml"))
        .isInstanceOf(InvalidContractException.class)
        .hasMessageContaining("broken-contracts/clickstream.yaml")
        .hasMessageContaining("field 'occurred_at': unknown type 'timestamptz'");
  }

  @Test
  void emptyLocationIsAnError() {
    assertThatThrownBy(() -> ContractRegistry.load("classpath*:no-such-folder/*.yaml"))
        .hasMessageContaining("No dataset contracts found at classpath*:no-such-folder/*.yaml");
  }

  @Test
  void unknownDatasetNamesTheKnownOnes() {
    assertThatThrownBy(() -> ContractRegistry.loadDefault().get("invoices"))
        .hasMessageContaining("Unknown dataset 'invoices'")
        .hasMessageContaining("clickstream");
  }
}

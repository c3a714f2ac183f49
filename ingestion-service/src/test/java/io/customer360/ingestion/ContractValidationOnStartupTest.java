package io.customer360.ingestion;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customer360.common.contract.InvalidContractException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class ContractValidationOnStartupTest {

  @Test
  void brokenContractStopsStartUpNamingFileAndField() {
    SpringApplicationBuilder app =
        new SpringApplicationBuilder(IngestionApplication.class)
            .properties(
                "server.port=0", "c360.contracts.location=classpath*:broken-contracts/*.yaml");

    assertThatThrownBy(() -> app.run().close())
        .rootCause()
        .isInstanceOf(InvalidContractException.class)
        .hasMessageContaining("broken-contracts/weblog.yaml")
        .hasMessageContaining("field 'response': unknown type 'http_status'");
  }
}

package io.customer360.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customer360.datagen.fault.FaultKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatagenCliTest {

  @Test
  void parsesScaleSeedAndPerFaultRates() {
    DatagenConfig config =
        DatagenCli.config(
            DatagenCli.parse(
                new String[] {
                  "--seed=7", "--days=5", "--customers=2000", "--start-date=2025-06-01",
                  "--fault-rate=0.01", "--fault.malformed-json=0.2", "--rate=500",
                      "--time-compression=1440"
                }));

    assertThat(config.seed()).isEqualTo(7);
    assertThat(config.days()).isEqualTo(5);
    assertThat(config.customers()).isEqualTo(2000);
    assertThat(config.products()).isEqualTo(200);
    assertThat(config.startDate()).isEqualTo(LocalDate.of(2025, 6, 1));
    assertThat(config.faults().rate(FaultKind.MALFORMED_JSON)).isEqualTo(0.2);
    assertThat(config.faults().rate(FaultKind.DUPLICATE)).isEqualTo(0.01);
    assertThat(config.rate()).isEqualTo(500);
    assertThat(config.timeCompression()).isEqualTo(1440);
  }

  @Test
  void defaultsHaveNoFaultsAndAFixedStart() {
    DatagenConfig config = DatagenCli.config(DatagenCli.parse(new String[0]));

    assertThat(config.startDate()).isEqualTo(LocalDate.of(2026, 1, 1));
    for (FaultKind kind : FaultKind.values()) {
      assertThat(config.faults().rate(kind)).isZero();
    }
  }

  @Test
  void rejectsPositionalArguments() {
    assertThatThrownBy(() -> DatagenCli.parse(new String[] {"days=3"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--name=value");
  }

  @Test
  void writesAFolderRun(@TempDir Path out) {
    DatagenCli.main(new String[] {"--days=1", "--customers=50", "--out=" + out});

    assertThat(out.resolve("_truth/summary.json")).exists();
    assertThat(out.resolve("landing/crm/customers_20260101.csv")).exists();
    assertThat(Files.exists(out.resolve("streams/c360-clickstream/2026-01-01.jsonl"))).isTrue();
  }
}

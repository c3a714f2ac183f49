package io.customer360.loader.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customer360.common.gold.GoldContract;
import io.customer360.common.gold.ModelContract;
import io.customer360.loader.failure.LoadFailedException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPartitionsTest {

  private final ModelContract orderLines = GoldContract.load().model("order_lines").orElseThrow();

  @Test
  void parsesAndSortsAnnouncedPartitions() {
    BatchPartitions partitions =
        BatchPartitions.parse(
            orderLines, List.of("order_date=2026-01-04", "order_date=2026-01-03"));

    assertThat(partitions.dates())
        .containsExactly(LocalDate.parse("2026-01-03"), LocalDate.parse("2026-01-04"));
    assertThat(partitions.only(List.of(LocalDate.parse("2026-01-04"))).specs())
        .containsExactly("order_date=2026-01-04");
  }

  @Test
  void refusesPartitionsOfAnotherShape() {
    for (List<String> bad :
        List.of(
            List.<String>of(),
            List.of("event_date=2026-01-03"),
            List.of("order_date=2026-13-03"),
            List.of("order_date=2026-01-03/event_hour=01"))) {
      assertThatThrownBy(() -> BatchPartitions.parse(orderLines, bad))
          .as(bad.toString())
          .isInstanceOfSatisfying(
              LoadFailedException.class,
              e -> {
                assertThat(e.reason()).isEqualTo("invalid_partition");
                assertThat(e.retryable()).isFalse();
              });
    }
  }
}

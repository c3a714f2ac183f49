package io.customer360.loader;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.gold.GoldColumn;
import io.customer360.common.gold.GoldContract;
import io.customer360.common.gold.ModelContract;
import io.customer360.loader.warehouse.WarehouseTargets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The "Gold contract" tables of the README are the contract the loader enforces
 * (gold/contract.yaml), so transform-service can build from the README. On a mismatch the expected
 * section is written to target/gold-contract.md.
 */
class ReadmeGoldContractTest {

  private static final String START =
      "<!-- gold-contract:start (generated; ReadmeGoldContractTest) -->";
  private static final String END = "<!-- gold-contract:end -->";

  @Test
  void readmeShowsTheContractTheLoaderEnforces() throws IOException {
    String expected = render(GoldContract.load());
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf(START);
    int end = readme.indexOf(END);
    String actual = start < 0 || end < start ? "" : readme.substring(start + START.length(), end);

    if (!actual.equals(expected)) {
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "gold-contract.md"), START + expected + END);
    }
    assertThat(actual)
        .as("README gold contract; expected text in target/gold-contract.md")
        .isEqualTo(expected);
  }

  static String render(GoldContract contract) {
    WarehouseTargets targets = WarehouseTargets.forContract(contract);
    StringBuilder md = new StringBuilder("\n");
    for (ModelContract model : contract.models()) {
      String table = targets.plan(model.name()).orElseThrow().table();
      md.append("\n#### `").append(model.name()).append("` → `").append(table).append("`\n\n");
      md.append(model.description()).append("\n\n");
      md.append("Grain: ")
          .append(model.grain())
          .append(". Load: `")
          .append(model.load().name().toLowerCase(Locale.ROOT))
          .append('`');
      model
          .partitionColumn()
          .ifPresent(p -> md.append(", partitions `").append(p).append("=YYYY-MM-DD`"));
      md.append(". Key: ")
          .append(String.join(", ", model.key().stream().map(k -> "`" + k + "`").toList()))
          .append(".\n\n");
      md.append("| # | column | type | required | description |\n");
      md.append("|---:|---|---|:-:|---|\n");
      int n = 1;
      for (GoldColumn column : model.columns()) {
        md.append("| ")
            .append(n++)
            .append(" | `")
            .append(column.name())
            .append("` | `")
            .append(column.type())
            .append("` | ")
            .append(column.required() ? "yes" : "")
            .append(" | ")
            .append(column.description().replace("|", "\\|"))
            .append(" |\n");
      }
    }
    return md.append("\n").toString();
  }
}

package io.customer360.transform.gold.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.gold.GoldColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The checked-in catalog {@code GOLD_MODELS.md} is what the model files and the contract generate.
 * Regenerate it with {@code -Dgold.catalog.write=true}.
 */
class GoldCatalogTest {

  private static final Path CATALOG = Path.of("GOLD_MODELS.md");

  @Test
  void checkedInCatalogIsUpToDate() throws IOException {
    String generated = GoldCatalog.markdown(GoldSession.MODELS);
    if (Boolean.getBoolean("gold.catalog.write")) {
      Files.writeString(CATALOG, generated);
    }
    assertThat(CATALOG).exists();
    assertThat(Files.readString(CATALOG))
        .as("GOLD_MODELS.md is stale; run this test with -Dgold.catalog.write=true")
        .isEqualTo(generated);
  }

  @Test
  void catalogDocumentsEveryModelAndColumn() {
    String catalog = GoldCatalog.markdown(GoldSession.MODELS);
    for (GoldModel model : GoldSession.MODELS.inOrder()) {
      assertThat(catalog).contains("\n## " + model.name() + "\n").contains(model.grain());
      for (GoldColumn column : model.columns()) {
        assertThat(catalog).contains("| `" + column.name() + "` | " + column.type() + " |");
      }
    }
  }
}

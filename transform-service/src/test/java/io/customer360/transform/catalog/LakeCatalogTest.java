package io.customer360.transform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.contract.ContractRegistry;
import io.customer360.common.contract.DatasetContract;
import io.customer360.transform.lake.LakeStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The local JSON catalog writes exactly the checked-in documents for every dataset contract: one
 * table document and one per partition. Regenerate the snapshot with {@code
 * -Dsilver.catalog.write=true} after an intended change.
 */
class LakeCatalogTest {

  private static final Path SNAPSHOT = Path.of("src/test/resources/catalog/lake-catalog.txt");
  private static final ContractRegistry CONTRACTS = ContractRegistry.loadDefault();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void writesTheSnapshotDocumentsForEveryDataset() throws IOException {
    RecordingLake lake = new RecordingLake();
    LakeCatalog catalog = new LakeCatalog(lake, CONTRACTS, CLOCK);
    for (DatasetContract contract : CONTRACTS.all()) {
      String partition =
          switch (contract.partitioning()) {
            case DAY -> "event_date=2026-01-02";
            case HOUR -> "event_date=2026-01-02/event_hour=07";
          };
      String file = "silver/" + contract.name() + "/" + partition + "/part-0.parquet";
      catalog.register(contract.name(), List.of(partition), Map.of(partition, List.of(file)));
    }
    StringBuilder written = new StringBuilder();
    lake.objects.forEach((key, body) -> written.append(key).append('\n').append(body).append('\n'));
    if (Boolean.getBoolean("silver.catalog.write")) {
      Files.createDirectories(SNAPSHOT.getParent());
      Files.writeString(SNAPSHOT, written);
    }
    assertThat(lake.objects).hasSize(2 * CONTRACTS.all().size());
    assertThat(Files.readString(SNAPSHOT))
        .as("the JSON catalog changed; if intended, rerun with -Dsilver.catalog.write=true")
        .isEqualTo(written.toString());
  }

  @Test
  void tableDocumentListsProtectedAndDerivedColumnsUnderTheirSilverNames() {
    RecordingLake lake = new RecordingLake();
    new LakeCatalog(lake, CONTRACTS, CLOCK).register("customers", List.of(), Map.of());
    assertThat(lake.objects.get("catalog/silver/customers/table.json"))
        .contains("\"owner\":")
        .contains("{\"name\":\"email_hash\",\"type\":\"string\",\"pii\":\"hash\"")
        .contains("{\"name\":\"birth_year_band\",\"type\":\"string\",\"pii\":\"none\"")
        .doesNotContain("\"name\":\"email\",");
  }

  /** The lake bucket as a map of uploaded documents; no S3 is needed for the catalog's output. */
  private static final class RecordingLake extends LakeStore {

    private final Map<String, String> objects = new TreeMap<>();

    RecordingLake() {
      super(null, "c360-lake");
    }

    @Override
    public void upload(byte[] bytes, String key, String contentType) {
      assertThat(contentType).isEqualTo("application/json");
      objects.put(key, new String(bytes, StandardCharsets.UTF_8));
    }
  }
}

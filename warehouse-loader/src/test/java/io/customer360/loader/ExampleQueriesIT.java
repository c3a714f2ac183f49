package io.customer360.loader;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.gold.LoadMode;
import io.customer360.common.gold.ModelContract;
import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatformExtension;
import io.customer360.loader.load.GoldBatchLoader;
import io.customer360.loader.testing.LoaderHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every SQL example of docs/warehouse-guide.md runs on a loaded warehouse, as a reader: the guide
 * cannot drift from the schema.
 */
@ExtendWith(LocalPlatformExtension.class)
class ExampleQueriesIT {

  private static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyExampleQueryRunsAsAReader(LocalEndpoints endpoints) throws IOException, SQLException {
    LoaderHarness harness = new LoaderHarness(endpoints);
    GoldBatchLoader loader = harness.loader();
    LocalDate today = LocalDate.now();
    for (ModelContract model : harness.gold.contract().models()) {
      var batch = harness.gold.batch(model.name());
      if (model.load() == LoadMode.REPLACE_PARTITIONS) {
        batch.partition(today, 40, Map.of()).partition(today.minusDays(1), 40, Map.of());
      } else {
        batch.rows(40, Map.of());
      }
      loader.load(batch.upload());
    }
    List<String> queries = examples();

    assertThat(queries).hasSizeGreaterThanOrEqualTo(15);
    int answered = 0;
    try (Connection connection = harness.warehouse.connect();
        Statement sql = connection.createStatement()) {
      sql.execute("SET ROLE c360_reader");
      for (String query : queries) {
        try (ResultSet rows = sql.executeQuery(query)) {
          answered += rows.next() ? 1 : 0;
        } catch (SQLException e) {
          throw new AssertionError("Example fails: " + e.getMessage() + "\n" + query, e);
        }
      }
    }
    assertThat(answered).as("examples returning rows on fresh data").isGreaterThanOrEqualTo(8);
  }

  private static List<String> examples() throws IOException {
    String guide = Files.readString(Path.of("docs", "warehouse-guide.md"), StandardCharsets.UTF_8);
    List<String> queries = new ArrayList<>();
    Matcher block = SQL_BLOCK.matcher(guide);
    while (block.find()) {
      queries.add(block.group(1).trim().replaceAll(";$", ""));
    }
    return queries;
  }
}

package io.customer360.loader.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.gold.GoldColumn;
import io.customer360.common.gold.GoldContract;
import io.customer360.common.gold.ModelContract;
import io.customer360.loader.warehouse.MigrationScripts.Column;
import io.customer360.loader.warehouse.MigrationScripts.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two flavours' DDL define the same tables with the same columns and types, and every gold
 * model's columns exist in its target table with the contract's type and nullability.
 */
class MigrationParityTest {

  private final Map<String, Table> postgresql = MigrationScripts.tables("postgresql");
  private final Map<String, Table> redshift = MigrationScripts.tables("redshift");

  @Test
  void bothFlavoursDefineTheSameTablesAndColumns() {
    assertThat(postgresql).hasSize(21);
    assertThat(redshift.keySet()).containsExactlyInAnyOrderElementsOf(postgresql.keySet());
    for (Table pg : postgresql.values()) {
      Table rs = redshift.get(pg.name());
      assertThat(columns(rs)).as(pg.name()).isEqualTo(columns(pg));
    }
  }

  @Test
  void everyGoldColumnLandsInItsTargetWithTheContractType() {
    GoldContract contract = GoldContract.load();
    WarehouseTargets targets = WarehouseTargets.forContract(contract);
    for (ModelContract model : contract.models()) {
      LoadPlan plan = targets.plan(model.name()).orElseThrow();
      Table table = postgresql.get(plan.table());
      assertThat(table).as(plan.table()).isNotNull();
      for (GoldColumn column : model.columns()) {
        String name =
            model.name().equals("customers") && column.name().equals("updated_at")
                ? "source_updated_at"
                : column.name();
        Column target = table.column(name);
        String where = model.name() + "." + column.name() + " -> " + table.name();
        assertThat(target.normalizedType()).as(where).isEqualTo(column.type().sql());
        assertThat(target.notNull()).as(where + " NOT NULL").isEqualTo(column.required());
      }
      assertThat(table.column("load_batch_id").notNull()).isTrue();
      if (plan instanceof ReplacePartitions replace) {
        replace.derived().forEach(derived -> table.column(derived.name()));
      }
    }
  }

  private static List<String> columns(Table table) {
    return table.columns().stream()
        .map(c -> c.name() + " " + c.normalizedType() + (c.notNull() ? " NOT NULL" : ""))
        .toList();
  }
}

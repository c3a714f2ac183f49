package io.customer360.transform.gold.model;

import io.customer360.common.gold.GoldColumn;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the gold model catalog ({@code GOLD_MODELS.md}) from the model files and the contract: per
 * model its purpose, grain, partitioning, inputs, parameters, columns and data tests.
 */
public final class GoldCatalog {

  private GoldCatalog() {}

  /** The catalog as Markdown. */
  public static String markdown(GoldModels models) {
    StringBuilder md = new StringBuilder();
    md.append("# Gold models\n\n")
        .append("Generated from `src/main/resources/gold/models/*.yaml` and the gold contract")
        .append(" (`gold/contract.yaml`) by `GoldCatalogTest`; do not edit by hand. Models are")
        .append(" listed in build order: each comes after its inputs.\n\n")
        .append("| model | grain | partitioned by | inputs |\n|---|---|---|---|\n");
    for (GoldModel m : models.inOrder()) {
      md.append("| [`")
          .append(m.name())
          .append("`](#")
          .append(m.name())
          .append(") | ")
          .append(cell(m.grain()))
          .append(" | ")
          .append(m.partitionedBy().map(p -> "`" + p + "`").orElse("—"))
          .append(" | ")
          .append(m.inputs().stream().map(i -> "`" + i + "`").collect(Collectors.joining(", ")))
          .append(" |\n");
    }
    for (GoldModel m : models.inOrder()) {
      model(md, m);
    }
    return md.toString();
  }

  private static void model(StringBuilder md, GoldModel m) {
    md.append("\n## ").append(m.name()).append("\n\n").append(m.description()).append("\n\n");
    md.append("- Grain: ").append(m.grain()).append('\n');
    md.append("- Key: `").append(String.join(", ", m.key())).append("`\n");
    md.append("- Partitioned by: ")
        .append(m.partitionedBy().map(p -> "`" + p + "`").orElse("unpartitioned"))
        .append('\n');
    md.append("- Inputs: ")
        .append(m.inputs().stream().map(i -> "`" + i + "`").collect(Collectors.joining(", ")))
        .append('\n');
    m.parameters()
        .forEach(
            (name, value) ->
                md.append("- Parameter: `")
                    .append(name)
                    .append("` (default ")
                    .append(value)
                    .append(")\n"));
    md.append("\n| column | type | required | description |\n|---|---|---|---|\n");
    for (GoldColumn c : m.columns()) {
      md.append("| `")
          .append(c.name())
          .append("` | ")
          .append(c.type())
          .append(" | ")
          .append(c.required() ? "yes" : "")
          .append(" | ")
          .append(cell(c.description()))
          .append(" |\n");
    }
    md.append("\nData tests:\n\n");
    for (String test : tests(m)) {
      md.append("- ").append(test).append('\n');
    }
  }

  private static List<String> tests(GoldModel m) {
    ModelTests t = m.tests();
    List<String> lines = new java.util.ArrayList<>();
    t.unique().forEach(u -> lines.add("unique: `" + String.join(", ", u) + "`"));
    if (!t.notNull().isEmpty()) {
      lines.add("not null: `" + String.join("`, `", t.notNull()) + "`");
    }
    for (Map.Entry<String, List<String>> a :
        t.acceptedValues().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      lines.add("accepted values of `" + a.getKey() + "`: " + String.join(", ", a.getValue()));
    }
    t.relationships()
        .forEach(
            r -> lines.add("`" + r.column() + "` exists in `" + r.to() + "." + r.field() + "`"));
    t.reconcile()
        .forEach(
            r ->
                lines.add(
                    "reconcile "
                        + r.name()
                        + ": `"
                        + oneLine(r.actual())
                        + "` = `"
                        + oneLine(r.expected())
                        + "`"));
    m.columns().stream()
        .filter(c -> c.maxLength() > 0)
        .map(c -> "`" + c.name() + "` fits " + c.maxLength() + " bytes")
        .reduce((a, b) -> a + ", " + b)
        .ifPresent(lines::add);
    return lines;
  }

  private static String oneLine(String sql) {
    return sql.replaceAll("\\s+", " ").replace("|", "\\|").replace("`", "'");
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}

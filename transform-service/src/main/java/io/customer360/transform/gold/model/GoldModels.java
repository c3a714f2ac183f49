package io.customer360.transform.gold.model;

import io.customer360.common.contract.ContractRegistry;
import io.customer360.common.gold.GoldContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The gold models: every {@code gold/models/<model>.yaml} with its sibling {@code <model>.sql},
 * validated against the gold contract and sorted so that each model comes after its inputs (as dbt
 * orders models). Loading fails with an {@link InvalidGoldModelException} naming the file when a
 * model is not in the contract, a contract model has no definition, an input is unknown or the
 * inputs form a cycle, or the SQL reads a silver view or upstream table it does not declare.
 */
public final class GoldModels {

  /** Where the platform's models live. */
  public static final String DEFAULT_LOCATION = "classpath*:gold/models/*.yaml";

  /** Where the gold contract is read from: common's {@link GoldContract#RESOURCE}. */
  static final String CONTRACT_LOCATION = "classpath:" + GoldContract.RESOURCE;

  private static final Pattern SILVER_VIEW = Pattern.compile("\\bsilver_([a-z][a-z0-9_]*)\\b");

  private final Map<String, GoldModel> byName;
  private final List<GoldModel> ordered;

  private GoldModels(List<GoldModel> ordered) {
    this.ordered = List.copyOf(ordered);
    Map<String, GoldModel> map = new LinkedHashMap<>();
    ordered.forEach(m -> map.put(m.name(), m));
    this.byName = map;
  }

  /** The platform's models, checked against the gold contract in {@code common}. */
  public static GoldModels load() {
    return load(DEFAULT_LOCATION, CONTRACT_LOCATION);
  }

  /**
   * Models matching a resource pattern (e.g. {@code file:/tmp/models/*.yaml}), checked against the
   * contract at {@code contractLocation}. Every contract model must be defined.
   */
  public static GoldModels load(String modelsPattern, String contractLocation) {
    GoldContract contract = contract(contractLocation);
    ModelFileParser parser = new ModelFileParser(contract);
    Map<String, GoldModel> models = new TreeMap<>();
    for (Resource yaml : resources(modelsPattern)) {
      String fileName = yaml.getFilename();
      String name = fileName.substring(0, fileName.length() - ".yaml".length());
      String file = yaml.getDescription();
      try (InputStream in = yaml.getInputStream()) {
        GoldModel model = parser.parse(file, name, in, sql(yaml, name));
        models.put(model.name(), model);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read gold model " + file, e);
      }
    }
    Set<String> missing = new TreeSet<>();
    contract.models().forEach(m -> missing.add(m.name()));
    missing.removeAll(models.keySet());
    if (!missing.isEmpty()) {
      throw new InvalidGoldModelException(
          "The gold contract's models " + missing + " have no definition in " + modelsPattern);
    }
    checkReferences(models, ContractRegistry.loadDefault());
    return new GoldModels(topologicalOrder(models));
  }

  /** Models in dependency order: every model after all of its inputs. */
  public List<GoldModel> inOrder() {
    return ordered;
  }

  /** Model names in dependency order. */
  public List<String> names() {
    return ordered.stream().map(GoldModel::name).toList();
  }

  /**
   * A model by name.
   *
   * @throws IllegalArgumentException when there is none
   */
  public GoldModel get(String name) {
    GoldModel model = byName.get(name);
    if (model == null) {
      throw new IllegalArgumentException(
          "No gold model '" + name + "'; models: " + byName.keySet());
    }
    return model;
  }

  /**
   * Models to recompute when a silver dataset changes: those reading it and, transitively, those
   * reading them; in dependency order. Empty for a dataset no model reads.
   */
  public Set<String> affectedBy(String silverDataset) {
    Set<String> affected = new LinkedHashSet<>();
    for (GoldModel model : ordered) {
      boolean reads = model.silverInputs().contains(silverDataset);
      boolean downstream = model.goldInputs().stream().anyMatch(affected::contains);
      if (reads || downstream) {
        affected.add(model.name());
      }
    }
    return affected;
  }

  /** Every silver dataset some model reads, sorted; the views {@link SilverViews} must create. */
  public Set<String> silverDatasets() {
    Set<String> datasets = new TreeSet<>();
    ordered.forEach(m -> datasets.addAll(m.silverInputs()));
    for (GoldModel m : ordered) {
      m.tests().relationships().stream()
          .filter(r -> r.to().startsWith("silver."))
          .forEach(r -> datasets.add(r.to().substring(7)));
    }
    return datasets;
  }

  private static List<Resource> resources(String pattern) {
    try {
      List<Resource> found =
          new ArrayList<>(List.of(new PathMatchingResourcePatternResolver().getResources(pattern)));
      found.sort(Comparator.comparing(Resource::getFilename));
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list gold models at " + pattern, e);
    }
  }

  private static GoldContract contract(String location) {
    Resource resource = new PathMatchingResourcePatternResolver().getResource(location);
    if (!resource.exists()) {
      throw new InvalidGoldModelException("No gold contract at " + location);
    }
    try (InputStream in = resource.getInputStream()) {
      return GoldContract.parse(resource.getDescription(), in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the gold contract " + location, e);
    }
  }

  private static String sql(Resource yaml, String name) {
    try {
      Resource sql = yaml.createRelative(name + ".sql");
      if (!sql.exists()) {
        throw new InvalidGoldModelException(
            yaml.getDescription() + ": its SQL file " + name + ".sql is missing");
      }
      try (InputStream in = sql.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the SQL of gold model " + name, e);
    }
  }

  /**
   * Inputs name existing models and datasets; the SQL and reconciliation queries read only the
   * silver views the model declares, and the SQL reads upstream tables only when declared.
   */
  private static void checkReferences(Map<String, GoldModel> models, ContractRegistry silver) {
    for (GoldModel model : models.values()) {
      String where = "gold model " + model.name();
      for (String dataset : model.silverInputs()) {
        if (silver.find(dataset).isEmpty()) {
          throw new InvalidGoldModelException(where + ": unknown silver dataset " + dataset);
        }
      }
      for (String upstream : model.goldInputs()) {
        if (!models.containsKey(upstream) || upstream.equals(model.name())) {
          throw new InvalidGoldModelException(where + ": unknown upstream model " + upstream);
        }
      }
      for (ModelTests.Relationship r : model.tests().relationships()) {
        boolean known =
            r.to().startsWith("silver.")
                ? silver.find(r.to().substring(7)).isPresent()
                : models.containsKey(r.to().substring(5));
        if (!known) {
          throw new InvalidGoldModelException(where + ": unknown relationship target " + r.to());
        }
      }
      checkReads(model, models.keySet());
    }
  }

  /** What the SQL text reads must be declared: silver views, and tables of other models. */
  private static void checkReads(GoldModel model, Set<String> modelNames) {
    String where = "gold model " + model.name();
    String sql = Sql.withoutComments(model.sql());
    List<String> texts = new ArrayList<>();
    texts.add(sql);
    model.tests().reconcile().forEach(r -> texts.addAll(List.of(r.actual(), r.expected())));
    for (String text : texts) {
      Matcher m = SILVER_VIEW.matcher(text);
      while (m.find()) {
        if (!model.silverInputs().contains(m.group(1))) {
          throw new InvalidGoldModelException(
              where + " reads silver_" + m.group(1) + " but does not declare silver." + m.group(1));
        }
      }
    }
    for (String other : modelNames) {
      Pattern read = Pattern.compile("(?i)\\b(FROM|JOIN)\\s+" + other + "\\b");
      if (!other.equals(model.name())
          && !model.goldInputs().contains(other)
          && read.matcher(sql).find()) {
        throw new InvalidGoldModelException(
            where + " reads table " + other + " but does not declare gold." + other);
      }
    }
  }

  /** Kahn's algorithm; among models ready at the same time, alphabetical order. */
  private static List<GoldModel> topologicalOrder(Map<String, GoldModel> models) {
    Map<String, Integer> pending = new HashMap<>();
    models.values().forEach(m -> pending.put(m.name(), new HashSet<>(m.goldInputs()).size()));
    TreeSet<String> ready = new TreeSet<>();
    pending.forEach(
        (name, n) -> {
          if (n == 0) {
            ready.add(name);
          }
        });
    List<GoldModel> ordered = new ArrayList<>();
    while (!ready.isEmpty()) {
      GoldModel next = models.get(ready.pollFirst());
      ordered.add(next);
      for (GoldModel m : models.values()) {
        if (new HashSet<>(m.goldInputs()).contains(next.name())
            && pending.merge(m.name(), -1, Integer::sum) == 0) {
          ready.add(m.name());
        }
      }
    }
    if (ordered.size() < models.size()) {
      Set<String> cycle = new TreeSet<>(models.keySet());
      ordered.forEach(m -> cycle.remove(m.name()));
      throw new InvalidGoldModelException("Gold models form a dependency cycle among " + cycle);
    }
    return ordered;
  }
}

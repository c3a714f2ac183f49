package io.customer360.datagen;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.AwsSettings;
import io.customer360.datagen.fault.FaultKind;
import io.customer360.datagen.fault.FaultRates;
import io.customer360.datagen.sim.RunSummary;
import io.customer360.datagen.sink.AwsSink;
import io.customer360.datagen.sink.DataSink;
import io.customer360.datagen.sink.FolderSink;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Command line: {@code java -jar datagen-exec.jar --days=7 --customers=10000 --out=/tmp/c360} or
 * {@code --target=aws}. Options: --seed, --days, --customers, --products, --start-date, --out=DIR |
 * --target=aws, --rate (records/s, 0 = unlimited), --time-compression, --fault-rate (every fault),
 * --fault.&lt;kind&gt;=rate (one fault, e.g. --fault.malformed-json=0.01).
 */
public final class DatagenCli {

  private DatagenCli() {}

  public static void main(String[] args) {
    Map<String, String> options = parse(args);
    if (options.containsKey("help")) {
      System.out.println(
          "usage: datagen [--seed=42] [--days=1] [--customers=1000] [--products=N] [--start-date=2026-01-01]\n"
              + "               (--out=DIR | --target=aws) [--rate=0] [--time-compression=0]\n"
              + "               [--fault-rate=R] [--fault.<kind>=R ...]   kinds: "
              + kinds());
      return;
    }
    DatagenConfig config = config(options);
    long started = System.nanoTime();
    RunSummary summary;
    try (DataSink sink = sink(options)) {
      summary = Datagen.run(config, sink);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "generated click_events=%d stream_records=%d seconds=%.2f events_per_second=%.0f best_auc=%.4f churners=%d%n",
        summary.clickEvents(),
        summary.streamRecords(),
        seconds,
        summary.streamRecords() / seconds,
        summary.bestAuc(),
        summary.churners());
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> options = new TreeMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException(
            "unexpected argument '" + arg + "'; options look like --name=value");
      }
      int eq = arg.indexOf('=');
      options.put(
          eq < 0 ? arg.substring(2) : arg.substring(2, eq),
          eq < 0 ? "true" : arg.substring(eq + 1));
    }
    return options;
  }

  static DatagenConfig config(Map<String, String> o) {
    int customers = Integer.parseInt(o.getOrDefault("customers", "1000"));
    FaultRates faults = FaultRates.uniform(Double.parseDouble(o.getOrDefault("fault-rate", "0")));
    for (Map.Entry<String, String> e : o.entrySet()) {
      if (e.getKey().startsWith("fault.")) {
        faults =
            faults.with(
                FaultKind.ofMetric(e.getKey().substring(6)), Double.parseDouble(e.getValue()));
      }
    }
    return new DatagenConfig(
        Long.parseLong(o.getOrDefault("seed", "42")),
        LocalDate.parse(o.getOrDefault("start-date", DatagenConfig.DEFAULT_START.toString())),
        Integer.parseInt(o.getOrDefault("days", "1")),
        customers,
        Integer.parseInt(
            o.getOrDefault("products", Integer.toString(Math.max(40, customers / 10)))),
        faults,
        Double.parseDouble(o.getOrDefault("rate", "0")),
        Double.parseDouble(o.getOrDefault("time-compression", "0")));
  }

  private static DataSink sink(Map<String, String> o) {
    if ("aws".equals(o.get("target"))) {
      return new AwsSink(new AwsClientFactory(AwsSettings.fromSystem()));
    }
    String out = o.get("out");
    if (out == null) {
      throw new IllegalArgumentException("say where to write: --out=DIR or --target=aws");
    }
    return new FolderSink(Path.of(out));
  }

  private static String kinds() {
    StringBuilder out = new StringBuilder();
    for (FaultKind k : FaultKind.values()) {
      out.append(out.length() == 0 ? "" : ", ").append(k.metric().replace('_', '-'));
    }
    return out.toString();
  }
}

package io.customer360.transform.silver;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.contract.ContractRegistry;
import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.FieldSpec;
import io.customer360.datagen.format.WeblogFormat;
import io.customer360.transform.TransformProperties;
import io.customer360.transform.engine.DuckDbSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

/** Bronze to silver on a datagen run with every fault on, against its ground truth. */
class SilverBatchTest {

  static final String PII_KEY = "test-pii-key-0123456789";

  @TempDir static Path dir;
  static DatagenBronze bronze;
  static DuckDbSessions sessions;

  @BeforeAll
  static void generate() {
    bronze = DatagenBronze.generate(dir, 14, 300, 0.02);
    sessions =
        new DuckDbSessions(new TransformProperties.Engine(DataSize.ofMegabytes(512), 2), dir);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "clickstream",
        "weblog",
        "customers",
        "products",
        "orders",
        "order_items",
        "returns",
        "weather",
        "support_tickets"
      })
  void silverHoldsExactlyTheValidUniqueRecords(String dataset) throws Exception {
    Path out = dir.resolve("out-" + dataset);
    assertThat(bronze.files(dataset)).as("bronze files of " + dataset).isNotEmpty();
    try (Connection duckdb = sessions.open()) {
      promote(duckdb, dataset, out);
      assertThat(quarantineByFault(duckdb)).isEqualTo(expectedQuarantine(dataset));
      assertThat(count(duckdb, out)).isEqualTo(bronze.truth().total(dataset, "silver_records"));
    }
  }

  @Test
  void promotingTheSameObjectsAgainChangesNoPartition() throws Exception {
    Path out = dir.resolve("again");
    try (Connection duckdb = sessions.open()) {
      promote(duckdb, "clickstream", out);
    }
    try (Connection duckdb = sessions.open()) {
      SilverBatch batch = new SilverBatch(duckdb, contract("clickstream"), pii());
      for (BronzeFile file : bronze.files("clickstream")) {
        batch.add(file);
      }
      batch.validate();
      List<String> changed =
          new PartitionMerger(duckdb, batch.sql(), sessions.memoryLimitBytes())
              .merge(out, dir.resolve("again-2"), 1 << 30);
      assertThat(changed).isEmpty();
      assertThat(dir.resolve("again-2")).doesNotExist();
    }
  }

  @Test
  void partitionsWrittenOneGroupAtATimeEqualOneWriteOfAll() throws Exception {
    List<BronzeFile> files = bronze.files("clickstream");
    Path existing = dir.resolve("groups-existing");
    try (Connection duckdb = sessions.open()) {
      merge(duckdb, files.subList(0, files.size() / 2), dir.resolve("none"), existing, 1 << 30);
    }
    for (Path base : List.of(dir.resolve("none"), existing)) {
      Path whole = dir.resolve("groups-whole-" + base.getFileName());
      Path grouped = dir.resolve("groups-one-by-one-" + base.getFileName());
      List<String> wholeChanged;
      List<String> groupedChanged;
      try (Connection duckdb = sessions.open()) {
        wholeChanged = merge(duckdb, files, base, whole, sessions.memoryLimitBytes());
      }
      try (Connection duckdb = sessions.open()) {
        // A one-byte memory limit: every partition is written by its own statement.
        groupedChanged = merge(duckdb, files, base, grouped, 1);
      }
      assertThat(groupedChanged).hasSizeGreaterThan(1).isEqualTo(wholeChanged);
      try (Connection duckdb = sessions.open();
          Statement st = duckdb.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT (SELECT count(*) FROM read_parquet("
                      + SilverSql.literal(grouped + "/**/*.parquet")
                      + ")), (SELECT count(*) FROM (SELECT * FROM read_parquet("
                      + SilverSql.literal(grouped + "/**/*.parquet")
                      + ", hive_partitioning = true) EXCEPT ALL SELECT * FROM read_parquet("
                      + SilverSql.literal(whole + "/**/*.parquet")
                      + ", hive_partitioning = true)))")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(count(duckdb, whole)).isPositive();
        assertThat(rs.getLong(2)).as("rows differing from one write").isZero();
      }
    }
  }

  private List<String> merge(
      Connection duckdb, List<BronzeFile> files, Path existing, Path out, long memoryLimit)
      throws Exception {
    SilverBatch batch = new SilverBatch(duckdb, contract("clickstream"), pii());
    files.forEach(batch::add);
    batch.validate();
    return new PartitionMerger(duckdb, batch.sql(), memoryLimit).merge(existing, out, 1 << 30);
  }

  @Test
  void aStreamFileThatCannotBeReadIsQuarantinedWholeAndTheOthersStillReachSilver()
      throws Exception {
    List<BronzeFile> files = bronze.files("clickstream");
    BronzeFile intact = files.get(0);
    byte[] bytes = Files.readAllBytes(intact.path());
    Path cut = dir.resolve("truncated.jsonl.gz");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    BronzeFile truncated =
        new BronzeFile(intact.key() + "-truncated", cut, intact.receivedAt(), true);
    Path out = dir.resolve("with-truncated");
    try (Connection duckdb = sessions.open()) {
      SilverBatch batch = new SilverBatch(duckdb, contract("clickstream"), pii());
      files.forEach(batch::add);
      batch.add(truncated);
      SilverBatch.Counts counts = batch.validate();
      Map<String, Path> quarantine =
          batch.writeQuarantine(Files.createDirectories(dir.resolve("q")));
      new PartitionMerger(duckdb, batch.sql(), sessions.memoryLimitBytes())
          .merge(dir.resolve("none"), out, 1 << 30);

      assertThat(count(duckdb, out))
          .isEqualTo(bronze.truth().total("clickstream", "silver_records"));
      assertThat(quarantineByFault(duckdb)).isEqualTo(expectedQuarantine("clickstream"));
      assertThat(counts.quarantined())
          .isEqualTo(
              expectedQuarantine("clickstream").values().stream().mapToLong(n -> n).sum() + 1);
      try (Statement st = duckdb.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT reason, count(*) FROM read_parquet("
                      + SilverSql.literal(quarantine.get(truncated.key()).toString())
                      + ") GROUP BY 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("unreadable_file");
        assertThat(rs.getLong(2)).isEqualTo(1);
      }
    }
  }

  @Test
  void weblogLinesCarryTheServerDatagenSentThemFrom() throws Exception {
    Path out = dir.resolve("servers");
    Map<String, String> sent = bronze.partitionKeys("weblog");
    Map<String, Long> perServer = new TreeMap<>();
    try (Connection duckdb = sessions.open()) {
      promote(duckdb, "weblog", out);
      try (Statement st = duckdb.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT _record_key, server FROM read_parquet("
                      + SilverSql.literal(out + "/**/*.parquet")
                      + ")")) {
        while (rs.next()) {
          assertThat(rs.getString(2)).as(rs.getString(1)).isEqualTo(sent.get(rs.getString(1)));
          perServer.merge(rs.getString(2), 1L, Long::sum);
        }
      }
    }
    assertThat(perServer.keySet())
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, WeblogFormat.SERVERS).mapToObj(i -> "web-" + i).toList());
    assertThat(perServer.values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(bronze.truth().total("weblog", "silver_records"));
  }

  @Test
  void customersKeepTheDecadeOfBirthButNotTheDateOfBirth() throws Exception {
    Path out = dir.resolve("birth");
    FieldSpec dateOfBirth = contract("customers").field("date_of_birth").orElseThrow();
    Map<String, String> expected = new HashMap<>();
    List<String> silverColumns = new ArrayList<>();
    Map<String, String> actual = new HashMap<>();
    try (Connection duckdb = sessions.open()) {
      promote(duckdb, "customers", out);
      try (Statement st = duckdb.createStatement()) {
        try (ResultSet rs = st.executeQuery("SELECT _record_key, f_date_of_birth FROM src")) {
          while (rs.next()) {
            expected.put(rs.getString(1), decade(rs.getString(2), dateOfBirth.formats()));
          }
        }
        String silver = "read_parquet(" + SilverSql.literal(out + "/**/*.parquet") + ")";
        try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + silver)) {
          while (rs.next()) {
            silverColumns.add(rs.getString(1));
          }
        }
        try (ResultSet rs = st.executeQuery("SELECT _record_key, birth_year_band FROM " + silver)) {
          while (rs.next()) {
            actual.put(rs.getString(1), rs.getString(2));
          }
        }
      }
    }
    assertThat(silverColumns).contains("date_of_birth_token", "birth_year_band");
    assertThat(silverColumns).doesNotContain("date_of_birth");
    assertThat(actual).hasSize((int) bronze.truth().total("customers", "silver_records"));
    actual.forEach((key, band) -> assertThat(band).as(key).isEqualTo(expected.get(key)));
    assertThat(actual.values()).doesNotContainNull();
    assertThat(new TreeSet<>(actual.values())).contains("1960-1969", "1980-1989", "2000-2009");
  }

  /** The decade band of a raw date of birth, parsed in Java by the contract's formats. */
  private static String decade(String raw, List<String> formats) {
    for (String format : formats) {
      try {
        int decade =
            LocalDate.parse(raw, DateTimeFormatter.ofPattern(format, Locale.ENGLISH)).getYear()
                / 10
                * 10;
        return decade + "-" + (decade + 9);
      } catch (DateTimeParseException | NullPointerException e) {
        // try the next format
      }
    }
    return null;
  }

  @Test
  void jsonFieldsResolveByExactNameOrAliasAndTimesInEitherFormat() throws Exception {
    Path contracts = Files.createDirectories(dir.resolve("cased-contracts"));
    Files.writeString(
        contracts.resolve("cased.yaml"),
        """
        dataset: cased
        version: 1
        owner: tests
        sensitivity: internal
        description: Names differing only in case, for the JSON lookup.
        source: { channel: landing, name: cased, format: json_lines }
        eventTime: at
        dedupKey: [id]
        partitioning: day
        fields:
          - { name: id, type: string, required: true }
          - { name: customer_id, type: string, aliases: [customerId, CUSTOMER_ID] }
          - name: at
            type: timestamp
            required: true
            formats: ["yyyy-MM-dd'T'HH:mm:ss[.SSS]XXX", "yyyy-MM-dd HH:mm:ss[.SSS]"]
        """);
    DatasetContract contract = ContractRegistry.load("file:" + contracts + "/*.yaml").get("cased");
    Path lines = dir.resolve("cased.jsonl");
    Files.write(
        lines,
        List.of(
            "{\"id\":\"1\",\"customer_id\":\"exact\",\"at\":\"2026-01-01T10:00:00Z\"}",
            "{\"id\":\"2\",\"CUSTOMER_ID\":\"upper\",\"at\":\"2026-01-01 10:00:00.250\"}",
            "{\"id\":\"3\",\"customerId\":\"camel\",\"at\":\"2026-01-01T12:00:00.500+02:00\"}",
            "{\"id\":\"4\",\"Customer_Id\":\"unlisted\",\"at\":\"2026-01-01T10:00:00-01:00\"}",
            "{\"id\":\"5\",\"customer_id\":\"first\",\"customer_id\":\"second\","
                + "\"at\":\"2026-01-01 10:00:00\"}",
            "{\"id\":\"6\",\"at\":\"2026-01-01 10:00\"}"));
    try (Connection duckdb = sessions.open()) {
      SilverBatch batch = new SilverBatch(duckdb, contract, pii());
      batch.add(new BronzeFile("landing/cased/cased.jsonl", lines, Instant.now(), false));
      assertThat(batch.validate()).isEqualTo(new SilverBatch.Counts(5, 1));
      Map<String, String> rows = new TreeMap<>();
      try (Statement st = duckdb.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT id, coalesce(customer_id, '-') || ' ' || strftime(\"at\", '%H:%M:%S.%g')"
                      + " FROM batch")) {
        while (rs.next()) {
          rows.put(rs.getString(1), rs.getString(2));
        }
      }
      assertThat(rows)
          .containsExactly(
              Map.entry("1", "exact 10:00:00.000"),
              Map.entry("2", "upper 10:00:00.250"),
              Map.entry("3", "camel 10:00:00.500"),
              Map.entry("4", "- 11:00:00.000"),
              Map.entry("5", "first 10:00:00.000"));
      try (Statement st = duckdb.createStatement();
          ResultSet rs = st.executeQuery(SilverSql.selectQuarantined())) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("reason")).isEqualTo("bad_type:at");
      }
    }
  }

  @Test
  void noRawEmailPhoneOrIpReachesSilver() throws Exception {
    for (String dataset : List.of("clickstream", "weblog", "customers", "support_tickets")) {
      Path out = dir.resolve("pii-" + dataset);
      try (Connection duckdb = sessions.open()) {
        promote(duckdb, dataset, out);
        try (Statement st = duckdb.createStatement();
            ResultSet rs =
                st.executeQuery(
                    "SELECT count(*) FROM (SELECT to_json(t)::VARCHAR AS row FROM read_parquet("
                        + SilverSql.literal(out + "/**/*.parquet")
                        + ", hive_partitioning = false) t) WHERE regexp_matches(row,"
                        + " '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[a-z]{2,}')"
                        + " OR regexp_matches(row, '\\b\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b')"
                        + " OR regexp_matches(row, '\\(?\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4}')")) {
          rs.next();
          assertThat(rs.getLong(1)).as(dataset).isZero();
        }
      }
    }
  }

  private SilverBatch promote(Connection duckdb, String dataset, Path out) throws Exception {
    SilverBatch batch = new SilverBatch(duckdb, contract(dataset), pii());
    for (BronzeFile file : bronze.files(dataset)) {
      batch.add(file);
    }
    batch.validate();
    new PartitionMerger(duckdb, batch.sql(), sessions.memoryLimitBytes())
        .merge(dir.resolve("none"), out, 1 << 30);
    return batch;
  }

  private static DatasetContract contract(String dataset) {
    return DatagenBronze.CONTRACTS.get(dataset);
  }

  private static PiiFunctions pii() {
    return new PiiFunctions(PII_KEY);
  }

  private static long count(Connection duckdb, Path out) throws Exception {
    if (!Files.exists(out)) {
      return 0;
    }
    try (Statement st = duckdb.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FROM read_parquet("
                    + SilverSql.literal(out + "/**/*.parquet")
                    + ")")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Quarantined records by the datagen fault their primary reason stands for. */
  private static Map<String, Long> quarantineByFault(Connection duckdb) throws Exception {
    Map<String, Long> result = new TreeMap<>();
    try (Statement st = duckdb.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT _reasons[1], count(*) FROM checked WHERE len(_reasons) > 0 GROUP BY 1")) {
      while (rs.next()) {
        result.merge(fault(rs.getString(1)), rs.getLong(2), Long::sum);
      }
    }
    return result;
  }

  static String fault(String reason) {
    if (reason.startsWith("missing_field:")) {
      return "missing_required_field";
    }
    if (reason.startsWith("bad_type:")) {
      return "wrong_type";
    }
    return switch (reason) {
      case "unparseable_json" -> "malformed_json";
      case "too_large" -> "oversized_record";
      default -> reason;
    };
  }

  private static Map<String, Long> expectedQuarantine(String dataset) {
    return expectedQuarantine(dataset, bronze);
  }

  /** The quarantine a datagen run must produce, by fault metric. */
  static Map<String, Long> expectedQuarantine(String dataset, DatagenBronze bronze) {
    Map<String, Long> expected = new TreeMap<>();
    for (String fault :
        List.of(
            "malformed_json",
            "missing_required_field",
            "wrong_type",
            "unknown_event_type",
            "oversized_record")) {
      long n = bronze.truth().total(dataset, fault);
      if (n > 0) {
        expected.put(fault, n);
      }
    }
    return expected;
  }
}

package io.customer360.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.contract.ContractRegistry;
import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.FieldSpec;
import io.customer360.datagen.fault.FaultRates;
import io.customer360.datagen.sink.FolderSink;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Every valid record a run writes satisfies its dataset contract. */
class ContractConformanceTest {

  private static final ContractRegistry CONTRACTS = ContractRegistry.loadDefault();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path out;

  @BeforeAll
  static void generate() {
    Datagen.run(DatagenConfig.of(10, 300).withFaults(FaultRates.none()), new FolderSink(out));
  }

  @Test
  void csvFilesUseContractNamesAndValues() throws IOException {
    for (String dataset :
        List.of("customers", "products", "orders", "order_items", "returns", "weather")) {
      DatasetContract contract = CONTRACTS.get(dataset);
      List<Path> files = Outputs.files(out.resolve("landing").resolve(contract.source().name()));
      assertThat(files).as(dataset).isNotEmpty();
      for (Path file : files) {
        for (Map<String, String> row : TestCsv.read(file)) {
          checkRecord(contract, row, file.toString());
        }
      }
    }
  }

  @Test
  void crmExportsSpellTheirHeadersDifferently() throws IOException {
    Set<String> headers = new TreeSet<>();
    for (Path file : Outputs.files(out.resolve("landing/crm"))) {
      headers.add(Files.readAllLines(file).get(0));
    }
    assertThat(headers).hasSizeGreaterThan(1);
  }

  @Test
  void jsonRecordsUseContractNamesAndValues() throws IOException {
    for (Path file : Outputs.files(out.resolve("landing/support"))) {
      for (String line : Files.readAllLines(file)) {
        checkRecord(CONTRACTS.get("support_tickets"), asText(line), file.toString());
      }
    }
    for (String dataset : List.of("clickstream", "weblog")) {
      DatasetContract contract = CONTRACTS.get(dataset);
      List<String> lines = Outputs.streamLines(out, contract.source().name());
      assertThat(lines).as(dataset).hasSizeGreaterThan(1000);
      for (String line : lines) {
        checkRecord(contract, asText(line), dataset);
      }
    }
  }

  @Test
  void weblogValuesAreAllStringsAndKeyedByServer() throws IOException {
    for (String line : Outputs.streamLines(out, "c360-weblog")) {
      Map<String, Object> record =
          JSON.readValue(line, new TypeReference<Map<String, Object>>() {});
      assertThat(record.keySet())
          .containsExactly(
              "host",
              "ident",
              "authuser",
              "datetime",
              "request",
              "response",
              "bytes",
              "referer",
              "agent");
      assertThat(record.values()).allMatch(v -> v instanceof String);
    }
  }

  private static Map<String, String> asText(String line) {
    Map<String, Object> record = JSON.readValue(line, new TypeReference<Map<String, Object>>() {});
    Map<String, String> text = new java.util.LinkedHashMap<>();
    record.forEach((k, v) -> text.put(k, v == null ? null : v.toString()));
    return text;
  }

  private static void checkRecord(DatasetContract contract, Map<String, String> row, String where) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : row.entrySet()) {
      FieldSpec field = contract.field(e.getKey()).orElse(null);
      if (field == null) {
        problems.add("unknown column " + e.getKey());
      } else if (e.getValue() != null
          && !e.getValue().isEmpty()
          && !contract.nullTokens().contains(e.getValue())) {
        checkValue(field, e.getValue(), problems);
      }
    }
    for (FieldSpec required : contract.requiredFields()) {
      boolean present =
          row.entrySet().stream()
              .anyMatch(
                  e ->
                      required.isNamed(e.getKey())
                          && e.getValue() != null
                          && !e.getValue().isEmpty());
      if (!present) {
        problems.add("missing " + required.name());
      }
    }
    assertThat(problems).as(where + " " + row).isEmpty();
  }

  private static void checkValue(FieldSpec field, String value, List<String> problems) {
    if (!field.allowedValues().isEmpty() && !field.allowedValues().contains(value)) {
      problems.add(field.name() + " not allowed: " + value);
    }
    if (!field.formats().isEmpty() && !Outputs.parses(value, field.formats())) {
      problems.add(field.name() + " unparseable: " + value);
    }
    try {
      switch (field.type()) {
        case INTEGER -> Integer.parseInt(value);
        case LONG -> Long.parseLong(value);
        case DECIMAL, DOUBLE -> new BigDecimal(value);
        case BOOLEAN -> assertThat(value).isIn("true", "false");
        default -> {
          // strings, and temporal values checked against formats above
        }
      }
    } catch (NumberFormatException e) {
      problems.add(field.name() + " not a " + field.type() + ": " + value);
    }
  }
}

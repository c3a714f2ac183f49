package io.customer360.ingestion.batchdrop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileInspectorTest {

  @TempDir Path dir;
  private final FileInspector inspector = new FileInspector();

  private Inspection inspect(String name, byte[] content) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return inspector.inspect(file, name);
  }

  @Test
  void countsCsvRowsWithBomCrlfAndQuotedLineBreaks() throws Exception {
    byte[] csv =
        "\uFEFFid,comment\r\n1,\"two\r\nlines\"\r\n2,plain\r\n\r\n3,\"say \"\"hi\"\"\"\r\n"
            .getBytes(StandardCharsets.UTF_8);

    Inspection inspection = inspect("a.csv", csv);

    assertThat(inspection.isReadable()).isTrue();
    assertThat(inspection.format()).isEqualTo("csv");
    assertThat(inspection.records()).isEqualTo(3);
  }

  @Test
  void countsGzippedJsonLinesAcrossChunks() throws Exception {
    String line = "{\"k\":\"" + "é".repeat(40_000) + "\"}\n";
    Inspection inspection = inspect("t.jsonl.gz", gzip(line.repeat(5)));

    assertThat(inspection.format()).isEqualTo("json_lines+gzip");
    assertThat(inspection.gzipped()).isTrue();
    assertThat(inspection.records()).isEqualTo(5);
  }

  @Test
  void rejectsTruncatedGzip() throws Exception {
    byte[] whole = gzip("a,b\n" + "1,2\n".repeat(10_000));

    assertThat(inspect("x.csv.gz", Arrays.copyOf(whole, whole.length / 2)).rejection())
        .contains("truncated_gzip");
  }

  @Test
  void rejectsBinaryGarbageInvalidUtf8EmptyAndUnknownFormats() throws Exception {
    assertThat(inspect("x.csv", new byte[] {'a', 0, 'b'}).rejection()).contains("binary_content");
    assertThat(inspect("y.csv", new byte[] {'a', (byte) 0xC3, '(', '\n'}).rejection())
        .contains("not_utf8");
    assertThat(inspect("z.csv", new byte[0]).rejection()).contains("empty_file");
    assertThat(inspect("w.xlsx", "text".getBytes(StandardCharsets.UTF_8)).rejection())
        .contains("unsupported_format");
  }

  @Test
  void acceptsParquetWithFooterAndRejectsTruncatedParquet() throws Exception {
    byte[] parquet = "PAR1....row groups....footer....PAR1".getBytes(StandardCharsets.US_ASCII);

    assertThat(inspect("p.parquet", parquet).format()).isEqualTo("parquet");
    assertThat(inspect("q.parquet", Arrays.copyOf(parquet, 20)).rejection())
        .contains("truncated_parquet");
  }

  private static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}

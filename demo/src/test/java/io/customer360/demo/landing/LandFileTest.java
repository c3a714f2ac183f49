package io.customer360.demo.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandFileTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return LandFile.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anUnknownDatasetExitsWith2AndOneLine() {
    int code = run("refunds", dir.resolve("r.csv").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err())
        .startsWith("land-file: unknown dataset 'refunds'; datasets that can be landed: customers,")
        .hasLineCount(1);
    assertThat(out.size()).isZero();
  }

  @Test
  void aMissingFileExitsWith2() {
    assertThat(run("returns", dir.resolve("r.csv").toString())).isEqualTo(2);
    assertThat(err()).isEqualTo("land-file: no such file: " + dir.resolve("r.csv") + "\n");
  }

  @Test
  void noRunningDemoExitsWith3() throws IOException {
    Path file = Files.writeString(dir.resolve("r.csv"), "return_id\nR1\n");

    int code = run("returns", file.toString(), "--data-dir=" + dir);

    assertThat(code).isEqualTo(3);
    assertThat(err())
        .startsWith("land-file: platform not running: no " + dir.resolve("running.properties"))
        .endsWith("; start it with ./bin/run-local.sh\n")
        .hasLineCount(1);
  }

  @Test
  void helpPrintsTheUsageAndExitCodes() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("usage: bin/land-file.sh DATASET FILE [--data-dir=DIR] [--timeout=SECONDS]")
        .contains("4 bad file");
  }
}

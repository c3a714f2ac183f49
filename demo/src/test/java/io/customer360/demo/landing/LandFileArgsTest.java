package io.customer360.demo.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LandFileArgsTest {

  private static final Path CALLER = Path.of("/home/user/exports");
  private static final Path REPO = Path.of("/work/repo");

  private static LandFileArgs parse(String... args) {
    return LandFileArgs.parse(args, CALLER, REPO);
  }

  @Test
  void takesTheFileFromTheCallersDirectoryAndDefaultsTheRest() {
    LandFileArgs args = parse("returns", "day1/returns.csv");

    assertThat(args.dataset()).isEqualTo("returns");
    assertThat(args.file()).isEqualTo(Path.of("/home/user/exports/day1/returns.csv"));
    assertThat(args.dataDir()).isEqualTo(Path.of("/work/repo/.c360-local"));
    assertThat(args.timeout()).isEqualTo(Duration.ofSeconds(180));
  }

  @Test
  void readsOptionsInAnyPositionAndResolvesARelativeDataDirFromTheRepository() {
    LandFileArgs args = parse("--timeout=30", "orders", "--data-dir=demo-data", "/tmp/o.csv");

    assertThat(args.file()).isEqualTo(Path.of("/tmp/o.csv"));
    assertThat(args.dataDir()).isEqualTo(Path.of("/work/repo/demo-data"));
    assertThat(args.timeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void keepsAnAbsoluteDataDir() {
    assertThat(parse("orders", "o.csv", "--data-dir=/tmp/landfile-demo/").dataDir())
        .isEqualTo(Path.of("/tmp/landfile-demo"));
  }

  @Test
  void refusesAMissingFileWithTheUsage() {
    assertThatThrownBy(() -> parse("returns"))
        .isInstanceOfSatisfying(LandFileException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessage(
            "expected DATASET and FILE, got returns; usage: bin/land-file.sh DATASET FILE"
                + " [--data-dir=DIR] [--timeout=SECONDS]");
  }

  @Test
  void refusesAThirdArgument() {
    assertThatThrownBy(() -> parse("returns", "a.csv", "b.csv"))
        .hasMessageStartingWith("expected DATASET and FILE, got returns a.csv b.csv;");
  }

  @Test
  void refusesAnUnknownOption() {
    assertThatThrownBy(() -> parse("returns", "a.csv", "--wait=3"))
        .isInstanceOfSatisfying(LandFileException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessageStartingWith("unknown option '--wait=3'; usage:");
  }

  @Test
  void refusesATimeoutThatIsNotAPositiveWholeNumber() {
    assertThatThrownBy(() -> parse("returns", "a.csv", "--timeout=1.5"))
        .hasMessage("--timeout must be a whole number of seconds above 0, got '1.5'");
    assertThatThrownBy(() -> parse("returns", "a.csv", "--timeout=0"))
        .hasMessage("--timeout must be a whole number of seconds above 0, got '0'");
  }

  @Test
  void refusesAnOptionWithoutItsValue() {
    assertThatThrownBy(() -> parse("returns", "a.csv", "--data-dir"))
        .hasMessage("--data-dir needs a value: --data-dir=DIR");
    assertThatThrownBy(() -> parse("returns", "a.csv", "--timeout="))
        .hasMessage("--timeout needs a value: --timeout=SECONDS");
  }
}

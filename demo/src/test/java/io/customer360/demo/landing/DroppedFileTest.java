package io.customer360.demo.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DroppedFileTest {

  /** SHA-256 of {@code hello}. */
  private static final String HELLO_SHA256 =
      "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

  @TempDir Path dir;

  @Test
  void namesTheBronzeObjectByContentHashPrefixAndFileName() throws IOException {
    Path path = Files.writeString(dir.resolve("returns-1.csv"), "hello");

    DroppedFile file = DroppedFile.read(path);

    assertThat(file.sha256()).isEqualTo(HELLO_SHA256);
    assertThat(file.size()).isEqualTo(5);
    assertThat(file.bronzeName()).isEqualTo("2cf24dba5fb0a30e-returns-1.csv");
    assertThat(file.landingPath("dms/orders").key()).isEqualTo("landing/dms/orders/returns-1.csv");
  }

  @Test
  void aMissingFileIsAUsageError() {
    assertThatThrownBy(() -> DroppedFile.read(dir.resolve("nope.csv")))
        .isInstanceOfSatisfying(LandFileException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessage("no such file: " + dir.resolve("nope.csv"));
  }

  @Test
  void aDirectoryIsNotAFile() {
    assertThatThrownBy(() -> DroppedFile.read(dir))
        .isInstanceOfSatisfying(LandFileException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessage(dir + " is not a regular file");
  }

  @Test
  void aNameTheLakeRefusesIsAUsageError() throws IOException {
    DroppedFile file = DroppedFile.read(Files.writeString(dir.resolve("returns(1).csv"), "x"));

    assertThatThrownBy(() -> file.landingPath("returns"))
        .isInstanceOfSatisfying(LandFileException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessageStartingWith("the file name 'returns(1).csv' is not allowed in the lake;");
  }
}

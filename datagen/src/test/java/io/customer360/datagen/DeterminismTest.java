package io.customer360.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.datagen.fault.FaultKind;
import io.customer360.datagen.fault.FaultRates;
import io.customer360.datagen.sink.FolderSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {

  private static final DatagenConfig CONFIG =
      DatagenConfig.of(3, 300)
          .withFaults(FaultRates.uniform(0.02).with(FaultKind.OVERSIZED_RECORD, 0.002));

  @Test
  void sameSeedWritesByteIdenticalFiles(@TempDir Path first, @TempDir Path second)
      throws IOException {
    Datagen.run(CONFIG, new FolderSink(first));
    Datagen.run(CONFIG, new FolderSink(second));

    List<Path> files = relativeFiles(first);
    assertThat(files).hasSizeGreaterThan(20).isEqualTo(relativeFiles(second));
    for (Path file : files) {
      assertThat(Files.readAllBytes(second.resolve(file)))
          .as(file.toString())
          .isEqualTo(Files.readAllBytes(first.resolve(file)));
    }
  }

  @Test
  void sameSeedSendsIdenticalRecordsInIdenticalOrder() {
    RecordingSink a = new RecordingSink();
    RecordingSink b = new RecordingSink();
    Datagen.run(CONFIG, a);
    Datagen.run(CONFIG, b);

    assertThat(a.calls).hasSizeGreaterThan(1000);
    assertThat(b.calls).isEqualTo(a.calls);
  }

  @Test
  void anotherSeedGivesOtherData() {
    RecordingSink a = new RecordingSink();
    RecordingSink b = new RecordingSink();
    Datagen.run(CONFIG, a);
    Datagen.run(CONFIG.withSeed(7), b);

    assertThat(b.calls).isNotEqualTo(a.calls);
  }

  private static List<Path> relativeFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}

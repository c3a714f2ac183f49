package io.customer360.transform.testing;

import io.customer360.datagen.sink.DataSink;
import io.customer360.datagen.sink.FolderSink;
import io.customer360.datagen.sink.StreamRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link FolderSink} that also keeps the Kinesis partition key of every stream record, which the
 * folder layout drops: {@code partition-keys/<stream>/<send date>.keys} holds one key per line, in
 * the order of the records in the matching {@code streams/<stream>/<send date>.jsonl}. Test layouts
 * of bronze put them into the ingestion envelope as ingestion-service does.
 */
public final class PartitionKeySink implements DataSink {

  private static final String KEYS_FOLDER = "partition-keys";

  private final FolderSink folder;
  private final Path root;
  private final Set<Path> started = new HashSet<>();

  public PartitionKeySink(Path root) {
    this.folder = new FolderSink(root);
    this.root = root;
  }

  /**
   * The partition keys of the records in a stream file ({@code
   * <root>/streams/<stream>/<day>.jsonl}), in order.
   *
   * @throws IllegalStateException when the number of keys and records differ
   */
  public static List<String> keys(Path streamFile) {
    Path root = streamFile.getParent().getParent().getParent();
    String stream = streamFile.getParent().getFileName().toString();
    String day = streamFile.getFileName().toString().replace(".jsonl", "");
    try {
      List<String> keys =
          Files.readAllLines(keysFile(root, stream, LocalDate.parse(day)), StandardCharsets.UTF_8);
      long records = Files.readAllLines(streamFile, StandardCharsets.UTF_8).size();
      if (keys.size() != records) {
        throw new IllegalStateException(
            streamFile + " has " + records + " records but " + keys.size() + " partition keys");
      }
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void putRecords(String stream, List<StreamRecord> records) {
    folder.putRecords(stream, records);
    Map<Path, StringBuilder> byFile = new LinkedHashMap<>();
    for (StreamRecord r : records) {
      Path file = keysFile(root, stream, LocalDate.ofInstant(r.sendAt(), ZoneOffset.UTC));
      byFile.computeIfAbsent(file, f -> new StringBuilder()).append(r.partitionKey()).append('\n');
    }
    try {
      for (Map.Entry<Path, StringBuilder> keys : byFile.entrySet()) {
        Files.createDirectories(keys.getKey().getParent());
        // a file from an earlier run in the same folder is replaced, as FolderSink does
        StandardOpenOption mode =
            started.add(keys.getKey())
                ? StandardOpenOption.TRUNCATE_EXISTING
                : StandardOpenOption.APPEND;
        Files.writeString(
            keys.getKey(),
            keys.getValue(),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            mode);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot record partition keys of " + stream, e);
    }
  }

  @Override
  public void putFile(String key, byte[] content) {
    folder.putFile(key, content);
  }

  @Override
  public void putTruth(String name, byte[] content) {
    folder.putTruth(name, content);
  }

  @Override
  public void close() {
    folder.close();
  }

  private static Path keysFile(Path root, String stream, LocalDate day) {
    return root.resolve(KEYS_FOLDER).resolve(stream).resolve(day + ".keys");
  }
}

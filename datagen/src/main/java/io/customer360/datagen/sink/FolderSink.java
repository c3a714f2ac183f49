package io.customer360.datagen.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes everything below one folder: files at their lake key ({@code landing/…}), stream records
 * as JSON lines in {@code streams/<stream>/<send date>.jsonl} (one record per line, in send order),
 * ground truth in {@code _truth/}.
 */
public final class FolderSink implements DataSink {

  /** Folder of the ground truth, relative to the output folder. */
  public static final String TRUTH_FOLDER = "_truth";

  /** Folder of the stream records, relative to the output folder. */
  public static final String STREAMS_FOLDER = "streams";

  private final Path root;
  private final Set<Path> started = new HashSet<>();

  public FolderSink(Path root) {
    this.root = root;
  }

  @Override
  public void putRecords(String stream, List<StreamRecord> records) {
    Path current = null;
    OutputStream out = null;
    try {
      for (StreamRecord r : records) {
        Path file = streamFile(stream, LocalDate.ofInstant(r.sendAt(), ZoneOffset.UTC));
        if (!file.equals(current)) {
          closeQuietly(out);
          Files.createDirectories(file.getParent());
          // a file from an earlier run in the same folder is replaced, not extended
          StandardOpenOption mode =
              started.add(file) ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND;
          out =
              Files.newOutputStream(
                  file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
          current = file;
        }
        out.write(r.data());
        out.write('\n');
      }
      if (out != null) {
        out.close();
      }
    } catch (IOException e) {
      closeQuietly(out);
      throw new UncheckedIOException("Cannot append stream records to " + current, e);
    }
  }

  /** The JSON-lines file holding the records of a stream sent on a day. */
  public Path streamFile(String stream, LocalDate day) {
    return root.resolve(STREAMS_FOLDER).resolve(stream).resolve(day + ".jsonl");
  }

  @Override
  public void putFile(String key, byte[] content) {
    write(root.resolve(key), content);
  }

  @Override
  public void putTruth(String name, byte[] content) {
    write(root.resolve(TRUTH_FOLDER).resolve(name), content);
  }

  private static void write(Path file, byte[] content) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write " + file + "; check the output folder is writable", e);
    }
  }

  private static void closeQuietly(OutputStream out) {
    if (out == null) {
      return;
    }
    try {
      out.close();
    } catch (IOException ignored) {
      // the original failure is the one worth reporting
    }
  }

  @Override
  public void close() {}
}

package io.customer360.ingestion.batchdrop;

import io.customer360.common.lake.QuarantineReason;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Checks that a dropped file can be read at all, without interpreting business fields: gzip must
 * decompress to its end, Parquet must carry its footer magic, text must be UTF-8 without NUL bytes
 * (a byte-order mark and CRLF line ends are fine). CSV rows are counted with quoting respected,
 * JSON lines by non-blank lines. Reason codes: {@code empty_file}, {@code truncated_gzip}, {@code
 * corrupt_gzip}, {@code truncated_parquet}, {@code binary_content}, {@code not_utf8}, {@code
 * unsupported_format}.
 */
public final class FileInspector {

  private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};
  private static final int CHUNK = 64 * 1024;

  /** Inspects {@code file}, named {@code fileName} by its producer. */
  public Inspection inspect(Path file, String fileName) {
    try {
      if (Files.size(file) == 0) {
        return Inspection.rejected(QuarantineReason.EMPTY_FILE);
      }
      String name = fileName.toLowerCase(Locale.ROOT);
      boolean gzipped = startsWith(file, new byte[] {0x1f, (byte) 0x8b});
      if (gzipped) {
        return inspectGzip(
            file, name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name);
      }
      if (startsWith(file, PARQUET_MAGIC)) {
        return endsWith(file, PARQUET_MAGIC)
            ? Inspection.readable("parquet", false, -1)
            : Inspection.rejected(QuarantineReason.TRUNCATED_PARQUET);
      }
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
        return inspectText(in, name, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot inspect " + file, e);
    }
  }

  private Inspection inspectGzip(Path file, String innerName) throws IOException {
    byte[] head = new byte[4];
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 64 * 1024)) {
      int read = in.readNBytes(head, 0, 4);
      if (read == 4 && java.util.Arrays.equals(head, PARQUET_MAGIC)) {
        return inspectGzippedParquet(file);
      }
    } catch (EOFException e) {
      return Inspection.rejected(QuarantineReason.TRUNCATED_GZIP);
    } catch (ZipException e) {
      return Inspection.rejected(QuarantineReason.CORRUPT_GZIP);
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 64 * 1024)) {
      return inspectText(in, innerName, true);
    } catch (EOFException e) {
      return Inspection.rejected(QuarantineReason.TRUNCATED_GZIP);
    } catch (ZipException e) {
      return Inspection.rejected(QuarantineReason.CORRUPT_GZIP);
    }
  }

  private Inspection inspectGzippedParquet(Path file) throws IOException {
    byte[] all;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 64 * 1024)) {
      all = in.readAllBytes();
    }
    boolean complete =
        all.length >= 8
            && java.util.Arrays.equals(
                java.util.Arrays.copyOfRange(all, all.length - 4, all.length), PARQUET_MAGIC);
    return complete
        ? Inspection.readable("parquet", true, -1)
        : Inspection.rejected(QuarantineReason.TRUNCATED_PARQUET);
  }

  /** Streams the text once: decodes UTF-8 strictly, rejects NUL, counts records. */
  private Inspection inspectText(InputStream in, String name, boolean gzipped) throws IOException {
    String format;
    if (name.endsWith(".csv") || name.endsWith(".txt")) {
      format = "csv";
    } else if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      format = "json_lines";
    } else {
      return Inspection.rejected(QuarantineReason.UNSUPPORTED_FORMAT);
    }
    RecordCounter counter = new RecordCounter(format.equals("csv"));
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer pending = ByteBuffer.allocate(2 * CHUNK);
    CharBuffer chars = CharBuffer.allocate(2 * CHUNK);
    byte[] chunk = new byte[CHUNK];
    for (int read; (read = in.read(chunk)) > 0; ) {
      for (int i = 0; i < read; i++) {
        if (chunk[i] == 0) {
          return Inspection.rejected(QuarantineReason.BINARY_CONTENT);
        }
      }
      pending.put(chunk, 0, read).flip();
      if (decoder.decode(pending, chars, false).isError()) {
        return Inspection.rejected(QuarantineReason.NOT_UTF8);
      }
      pending.compact();
      counter.accept(chars.flip());
      chars.clear();
    }
    pending.flip();
    if (decoder.decode(pending, chars, true).isError() || decoder.flush(chars).isError()) {
      return Inspection.rejected(QuarantineReason.NOT_UTF8);
    }
    counter.accept(chars.flip());
    counter.finish();
    return Inspection.readable(gzipped ? format + "+gzip" : format, gzipped, counter.records());
  }

  private static boolean startsWith(Path file, byte[] magic) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return java.util.Arrays.equals(in.readNBytes(magic.length), magic);
    }
  }

  private static boolean endsWith(Path file, byte[] magic) throws IOException {
    long size = Files.size(file);
    if (size < magic.length * 2L) {
      return false;
    }
    try (var channel = Files.newByteChannel(file)) {
      channel.position(size - magic.length);
      ByteBuffer tail = ByteBuffer.allocate(magic.length);
      channel.read(tail);
      return java.util.Arrays.equals(tail.array(), magic);
    }
  }
}

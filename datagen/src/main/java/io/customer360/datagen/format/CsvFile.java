package io.customer360.datagen.format;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds RFC 4180 CSV text: a header, rows, quoting where a value needs it. */
public final class CsvFile {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final StringBuilder text = new StringBuilder();
  private int rows;

  public CsvFile(List<String> header) {
    line(header);
  }

  /** Appends a row; null values are written empty. */
  public CsvFile row(List<String> values) {
    line(values);
    rows++;
    return this;
  }

  /** Data rows written so far. */
  public int rows() {
    return rows;
  }

  /** UTF-8 bytes with LF line endings. */
  public byte[] bytes() {
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** UTF-8 bytes with a byte-order mark and CRLF line endings, as Windows tools write them. */
  public byte[] windowsBytes() {
    byte[] body = text.toString().replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[BOM.length + body.length];
    System.arraycopy(BOM, 0, out, 0, BOM.length);
    System.arraycopy(body, 0, out, BOM.length, body.length);
    return out;
  }

  private void line(List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(quote(values.get(i)));
    }
    text.append('\n');
  }

  static String quote(String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}

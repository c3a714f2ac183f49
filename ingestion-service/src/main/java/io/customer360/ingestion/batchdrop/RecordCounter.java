package io.customer360.ingestion.batchdrop;

import java.nio.CharBuffer;

/**
 * Counts records in text fed in chunks: CSV rows (a line break inside double quotes does not end a
 * row; the header row is not counted) or JSON lines. Blank lines, a byte-order mark and CR before
 * LF are ignored.
 */
final class RecordCounter {

  private final boolean csv;
  private boolean inQuotes;
  private boolean lineHasContent;
  private boolean started;
  private long lines;

  RecordCounter(boolean csv) {
    this.csv = csv;
  }

  void accept(CharBuffer chars) {
    while (chars.hasRemaining()) {
      char c = chars.get();
      if (!started) {
        started = true;
        if (c == '\uFEFF') {
          continue;
        }
      }
      if (csv && c == '"') {
        inQuotes = !inQuotes;
        lineHasContent = true;
      } else if (c == '\n' && !inQuotes) {
        endLine();
      } else if (c != '\r' && !Character.isWhitespace(c)) {
        lineHasContent = true;
      }
    }
  }

  /** Counts a last line without a final line break. */
  void finish() {
    endLine();
  }

  private void endLine() {
    if (lineHasContent) {
      lines++;
    }
    lineHasContent = false;
  }

  /** Data records: CSV rows without the header, or JSON lines. */
  long records() {
    return csv ? Math.max(0, lines - 1) : lines;
  }
}

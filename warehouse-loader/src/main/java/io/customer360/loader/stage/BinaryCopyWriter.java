package io.customer360.loader.stage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.postgresql.util.ByteConverter;

/**
 * Writes rows in PostgreSQL's binary {@code COPY} format: the signature, flags and header
 * extension, then per row a field count and per field its length (-1 for NULL) and its value in the
 * type's wire format, then the trailer. The bytes go to a {@link ChunkSink} in chunks of about
 * {@code chunkSize} bytes, each a fresh array the sink may keep.
 *
 * <p>Values must have the target column's exact type; the server reads them without conversion and
 * rejects a wrong length or range. Not thread-safe: one writer per {@code COPY}.
 */
final class BinaryCopyWriter {

  /** Receives finished chunks: {@code length} bytes of {@code chunk}, in order. */
  @FunctionalInterface
  interface ChunkSink {
    void accept(byte[] chunk, int length);
  }

  /** 2000-01-01, PostgreSQL's epoch, in days since 1970-01-01. */
  static final long POSTGRES_EPOCH_DAY = 10_957;

  /** 2000-01-01T00:00:00Z in microseconds since 1970-01-01T00:00:00Z. */
  static final long POSTGRES_EPOCH_MICROS = POSTGRES_EPOCH_DAY * 86_400_000_000L;

  private static final byte[] SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0
  };
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private static final short NUMERIC_POSITIVE = 0x0000;
  private static final short NUMERIC_NEGATIVE = 0x4000;
  private static final int NUMERIC_BASE = 10_000;

  /** Scales up to this many digits take the {@code long} path: padded to 4, they fit a long. */
  private static final int MAX_LONG_SCALE = 16;

  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private final int chunkSize;
  private final ChunkSink sink;

  /** Base-10000 digits of the numeric being written: 5 before and 4 after the point at most. */
  private final short[] digits = new short[12];

  private byte[] buffer;
  private int position;

  BinaryCopyWriter(int chunkSize, ChunkSink sink) {
    this.chunkSize = chunkSize;
    this.sink = sink;
    this.buffer = new byte[chunkSize];
    System.arraycopy(SIGNATURE, 0, buffer, 0, SIGNATURE.length);
    position = SIGNATURE.length;
    putInt(0); // flags: no OIDs
    putInt(0); // header extension length
  }

  /** Starts a row of {@code fields} values; exactly that many writes must follow. */
  void startRow(int fields) {
    ensure(2);
    putShort((short) fields);
  }

  void writeNull() {
    ensure(4);
    putInt(-1);
  }

  /** An {@code integer} (int4). */
  void writeInt(int value) {
    ensure(8);
    putInt(4);
    putInt(value);
  }

  /** A {@code bigint} (int8). */
  void writeLong(long value) {
    ensure(12);
    putInt(8);
    putLong(value);
  }

  /** A {@code double precision} (float8). */
  void writeDouble(double value) {
    writeLong(Double.doubleToRawLongBits(value));
  }

  void writeBoolean(boolean value) {
    ensure(5);
    putInt(1);
    buffer[position++] = (byte) (value ? 1 : 0);
  }

  /** A {@code date}, given as days since 1970-01-01. */
  void writeDate(long epochDay) {
    writeInt(Math.toIntExact(epochDay - POSTGRES_EPOCH_DAY));
  }

  /** A {@code timestamptz} (or {@code timestamp}), given as microseconds since 1970-01-01 UTC. */
  void writeTimestamp(long epochMicros) {
    writeLong(Math.subtractExact(epochMicros, POSTGRES_EPOCH_MICROS));
  }

  /** A {@code varchar} or {@code text}, as UTF-8. */
  void writeText(String value) {
    writeText(value.getBytes(StandardCharsets.UTF_8));
  }

  /** A {@code varchar} or {@code text} already encoded as UTF-8. */
  void writeText(byte[] utf8) {
    writeEncoded(utf8);
  }

  /** A {@code varchar} or {@code text}: {@code length} bytes of UTF-8 from {@code offset}. */
  void writeText(byte[] utf8, int offset, int length) {
    ensure(4 + length);
    putInt(length);
    System.arraycopy(utf8, offset, buffer, position, length);
    position += length;
  }

  /**
   * A {@code numeric}: base-10000 digits, the weight of the first, the sign and the display scale
   * (the value's scale; the server rounds to the column's).
   */
  void writeNumeric(BigDecimal value) {
    BigDecimal exact = value.scale() < 0 ? value.setScale(0) : value;
    BigInteger unscaled = exact.unscaledValue();
    if (fitsLong(unscaled.bitLength(), exact.scale())) {
      writeSmallNumeric(unscaled.longValue(), exact.scale());
    } else {
      writeEncoded(ByteConverter.numeric(exact));
    }
  }

  /** A {@code numeric} {@code unscaled × 10^-scale}, as {@link #writeNumeric(BigDecimal)}. */
  void writeNumeric(long unscaled, int scale) {
    if (unscaled != Long.MIN_VALUE
        && fitsLong(Long.SIZE - Long.numberOfLeadingZeros(Math.abs(unscaled)), scale)) {
      writeSmallNumeric(unscaled, scale);
    } else {
      writeNumeric(BigDecimal.valueOf(unscaled, scale));
    }
  }

  /** Whether an unscaled value of this many bits and this scale take the {@code long} path. */
  private static boolean fitsLong(int bits, int scale) {
    return bits < Long.SIZE - 1 && scale >= 0 && scale <= MAX_LONG_SCALE;
  }

  /**
   * A numeric {@code unscaled × 10^-scale}, {@code |unscaled| < 2^62}, {@code 0 <= scale <= 16}.
   */
  private void writeSmallNumeric(long unscaled, int scale) {
    long magnitude = Math.abs(unscaled);
    long integer = magnitude / POWERS_OF_TEN[scale];
    int fractionGroups = (scale + 3) / 4;
    // One division by a variable divisor; those by NUMERIC_BASE compile to multiplications.
    long fraction =
        (magnitude - integer * POWERS_OF_TEN[scale]) * POWERS_OF_TEN[fractionGroups * 4 - scale];
    int integerGroups = 0;
    for (long rest = integer; rest > 0; rest /= NUMERIC_BASE) {
      integerGroups++;
    }
    int count = integerGroups + fractionGroups;
    for (int i = integerGroups - 1; i >= 0; i--, integer /= NUMERIC_BASE) {
      digits[i] = (short) (integer % NUMERIC_BASE);
    }
    for (int i = count - 1; i >= integerGroups; i--, fraction /= NUMERIC_BASE) {
      digits[i] = (short) (fraction % NUMERIC_BASE);
    }
    int first = 0;
    int weight = integerGroups - 1;
    while (first < count && digits[first] == 0) {
      first++;
      weight--;
    }
    int end = count;
    while (end > first && digits[end - 1] == 0) {
      end--;
    }
    int length = end - first;
    ensure(4 + 8 + 2 * length);
    putInt(8 + 2 * length);
    putShort((short) length);
    putShort((short) (length == 0 ? 0 : weight));
    putShort(unscaled < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE);
    putShort((short) scale);
    for (int i = first; i < end; i++) {
      putShort(digits[i]);
    }
  }

  private void writeEncoded(byte[] value) {
    writeText(value, 0, value.length);
  }

  /** Writes the trailer and hands over the last chunk. */
  void finish() {
    ensure(2);
    putShort((short) -1);
    flush();
  }

  private void ensure(int bytes) {
    if (buffer.length - position < bytes) {
      flush();
      if (buffer.length < bytes) {
        buffer = new byte[bytes];
      }
    }
  }

  private void flush() {
    if (position > 0) {
      sink.accept(buffer, position);
      buffer = new byte[chunkSize];
      position = 0;
    }
  }

  private void putShort(short value) {
    SHORT.set(buffer, position, value);
    position += 2;
  }

  private void putInt(int value) {
    INT.set(buffer, position, value);
    position += 4;
  }

  private void putLong(long value) {
    LONG.set(buffer, position, value);
    position += 8;
  }
}

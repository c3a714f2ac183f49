package io.customer360.loader.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.postgresql.util.ByteConverter;

class BinaryCopyWriterTest {

  private static final int HEADER = 19;

  private final ByteArrayOutputStream written = new ByteArrayOutputStream();

  @Test
  void writesSignatureFlagsAndTrailer() {
    BinaryCopyWriter writer = writer(64);
    writer.finish();

    byte[] bytes = written.toByteArray();
    assertThat(new String(bytes, 0, 6, StandardCharsets.US_ASCII)).isEqualTo("PGCOPY");
    assertThat(Arrays.copyOfRange(bytes, 6, 11)).containsExactly('\n', 0xFF, '\r', '\n', 0);
    assertThat(ByteBuffer.wrap(bytes, 11, 8).getLong()).isZero();
    assertThat(ByteBuffer.wrap(bytes, HEADER, 2).getShort()).isEqualTo((short) -1);
    assertThat(bytes).hasSize(HEADER + 2);
  }

  @Test
  void writesDatesAndTimestampsFromPostgresEpoch() {
    BinaryCopyWriter writer = writer(1024);
    writer.startRow(3);
    writer.writeDate(10_956); // 1999-12-31
    writer.writeTimestamp(-1); // 1969-12-31T23:59:59.999999Z
    writer.writeNull();
    writer.finish();

    ByteBuffer row = ByteBuffer.wrap(written.toByteArray(), HEADER, written.size() - HEADER);
    assertThat(row.getShort()).isEqualTo((short) 3);
    assertThat(row.getInt()).isEqualTo(4);
    assertThat(row.getInt()).isEqualTo(-1);
    assertThat(row.getInt()).isEqualTo(8);
    assertThat(row.getLong()).isEqualTo(-946_684_800_000_001L);
    assertThat(row.getInt()).isEqualTo(-1);
    assertThat(row.getShort()).isEqualTo((short) -1);
  }

  @Test
  void numericsDecodeToTheSameValueAndScaleAsPgJdbcReadsThem() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      int scale = random.nextInt(20);
      BigInteger unscaled =
          switch (i % 4) {
            case 0 -> BigInteger.valueOf(random.nextLong());
            case 1 -> BigInteger.valueOf(random.nextInt(20_001) - 10_000);
            case 2 -> BigInteger.TEN.pow(random.nextInt(19)).negate();
            default -> new BigInteger(random.nextInt(126) + 1, random);
          };
      BigDecimal value = new BigDecimal(unscaled, scale);

      assertThat(roundTrip(writer -> writer.writeNumeric(value)))
          .as("%s", value.toPlainString())
          .isEqualTo(value);
    }
  }

  @Test
  void unscaledNumericsEncodeAsTheirBigDecimal() {
    Random random = new Random(11);
    long[] edges = {0, 1, -1, 9_999, 10_000, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 62, -(1L << 62)};
    for (int i = 0; i < 20_000; i++) {
      long unscaled = i < edges.length ? edges[i] : random.nextLong() >> random.nextInt(64);
      int scale = random.nextInt(20);
      BigDecimal value = BigDecimal.valueOf(unscaled, scale);

      assertThat(roundTrip(writer -> writer.writeNumeric(unscaled, scale)))
          .as("%s", value.toPlainString())
          .isEqualTo(value);
    }
  }

  @Test
  void chunksNeverSplitAFieldAndCarryEveryByte() {
    java.util.List<Integer> lengths = new java.util.ArrayList<>();
    BinaryCopyWriter writer =
        new BinaryCopyWriter(
            32,
            (chunk, length) -> {
              lengths.add(length);
              written.write(chunk, 0, length);
            });
    String text = "ünïcödé ".repeat(10);
    for (int i = 0; i < 10; i++) {
      writer.startRow(2);
      writer.writeText(text);
      writer.writeLong(i);
    }
    writer.finish();

    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    assertThat(written.size()).isEqualTo(HEADER + 10 * (2 + 4 + utf8.length + 12) + 2);
    assertThat(lengths).allMatch(length -> length <= 32 || length == 4 + utf8.length);
  }

  private BigDecimal roundTrip(Consumer<BinaryCopyWriter> write) {
    written.reset();
    BinaryCopyWriter writer = writer(1024);
    writer.startRow(1);
    write.accept(writer);
    writer.finish();
    ByteBuffer field =
        ByteBuffer.wrap(written.toByteArray(), HEADER + 2, written.size() - HEADER - 2);
    byte[] encoded = new byte[field.getInt()];
    field.get(encoded);
    return (BigDecimal) ByteConverter.numeric(encoded);
  }

  private BinaryCopyWriter writer(int chunkSize) {
    return new BinaryCopyWriter(chunkSize, (chunk, length) -> written.write(chunk, 0, length));
  }
}

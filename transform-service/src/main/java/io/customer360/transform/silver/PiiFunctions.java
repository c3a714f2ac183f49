package io.customer360.transform.silver;

import io.customer360.common.contract.FieldSpec;
import io.customer360.common.contract.PiiTreatment;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBReadableVector;
import org.duckdb.DuckDBWritableVector;

/**
 * Keyed PII protection as DuckDB functions: {@code c360_hash(text)} is HMAC-SHA-256 under the
 * configured secret, hex encoded, so equal inputs give equal tokens usable as join keys, and nobody
 * without the secret can test a guess. {@code c360_token(text)} is the same construction under a
 * key derived for tokenization, so a tokenized name never equals a hashed email.
 *
 * <p>Both are Java scalar functions: the key never appears in SQL text, and each key's inner and
 * outer HMAC blocks are hashed once, so a short value costs two SHA-256 blocks instead of four
 * (about half the CPU of the same HMAC written with SQL {@code sha256}).
 *
 * <p>Values are normalized first, so every source yields one token per person: emails are trimmed
 * and lower-cased, phone numbers reduced to E.164 ({@code +} and digits; ten digits are taken as
 * North American), other values trimmed.
 */
final class PiiFunctions {

  private static final int BLOCK = 64;
  private static final HexFormat HEX = HexFormat.of();

  private final KeyedHash hash;
  private final KeyedHash token;

  PiiFunctions(String secret) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException(
          "c360.transform.pii-key must be set to a secret of at least 16 characters"
              + " (environment variable C360_PII_KEY); silver cannot protect PII without it");
    }
    byte[] hashKey = secret.getBytes(StandardCharsets.UTF_8);
    this.hash = new KeyedHash(hashKey);
    this.token = new KeyedHash(hash.digest("c360-tokenize".getBytes(StandardCharsets.UTF_8)));
  }

  /** Registers {@code c360_hash}, {@code c360_token} and {@code c360_e164} in a DuckDB session. */
  void register(Connection duckdb) throws SQLException {
    hash.register(duckdb, "c360_hash");
    token.register(duckdb, "c360_token");
    try (Statement st = duckdb.createStatement()) {
      st.execute(
          "CREATE OR REPLACE TEMP MACRO c360_e164(v) AS CASE"
              + " WHEN length(regexp_replace(v, '[^0-9]', '', 'g')) = 10"
              + " THEN '+1' || regexp_replace(v, '[^0-9]', '', 'g')"
              + " WHEN length(regexp_replace(v, '[^0-9]', '', 'g')) > 0"
              + " THEN '+' || regexp_replace(v, '[^0-9]', '', 'g') END");
    }
  }

  /** The silver column name of a protected field: {@code email_hash}, {@code first_name_token}. */
  static String columnName(FieldSpec field) {
    return SilverNames.column(field).orElse(field.name());
  }

  /** SQL protecting a typed value, or {@code null} when the field is dropped. */
  static String protect(FieldSpec field, String typedSql) {
    String text = "CAST(" + typedSql + " AS VARCHAR)";
    return switch (field.pii()) {
      case NONE -> typedSql;
      case DROP -> null;
      case HASH -> "c360_hash(" + normalize(field, text) + ")";
      case TOKENIZE -> "c360_token(" + normalize(field, text) + ")";
    };
  }

  private static String normalize(FieldSpec field, String text) {
    String name = field.name().toLowerCase(Locale.ROOT);
    if (name.contains("email")) {
      return "lower(trim(" + text + "))";
    }
    if (name.contains("phone")) {
      return "c360_e164(" + text + ")";
    }
    return "trim(" + text + ")";
  }

  /** {@code c360_hash} of a text, computed in Java; for tests and tools. */
  String hash(String value) {
    return HEX.formatHex(hash.digest(value.getBytes(StandardCharsets.UTF_8)));
  }

  /** HMAC-SHA-256 under one key, the key's padded blocks absorbed once. */
  private static final class KeyedHash {

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest inner;
    private final MessageDigest outer;

    KeyedHash(byte[] key) {
      byte[] block = key.length > BLOCK ? sha256().digest(key) : key;
      byte[] innerPad = new byte[BLOCK];
      byte[] outerPad = new byte[BLOCK];
      for (int i = 0; i < BLOCK; i++) {
        byte k = i < block.length ? block[i] : 0;
        innerPad[i] = (byte) (k ^ 0x36);
        outerPad[i] = (byte) (k ^ 0x5c);
      }
      inner = sha256();
      inner.update(innerPad);
      outer = sha256();
      outer.update(outerPad);
    }

    byte[] digest(byte[] value) {
      MessageDigest in = copy(inner);
      MessageDigest out = copy(outer);
      return out.digest(in.digest(value));
    }

    void register(Connection duckdb, String name) throws SQLException {
      DuckDBFunctions.scalarFunction()
          .withName(name)
          .withParameter(DuckDBColumnType.VARCHAR)
          .withReturnType(DuckDBColumnType.VARCHAR)
          .withVectorizedFunction(this::apply)
          .register(duckdb);
    }

    /** One vector of texts to lower-case hex digests; NULL stays NULL. */
    private void apply(DuckDBDataChunkReader input, DuckDBWritableVector output) {
      DuckDBReadableVector values = input.vector(0);
      byte[][] result = new byte[Math.toIntExact(input.rowCount())][];
      for (int row = 0; row < result.length; row++) {
        if (!values.isNull(row)) {
          byte[] digest = digest(values.getString(row).getBytes(StandardCharsets.UTF_8));
          byte[] hex = new byte[digest.length * 2];
          for (int i = 0; i < digest.length; i++) {
            hex[2 * i] = HEX_DIGITS[(digest[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX_DIGITS[digest[i] & 0xf];
          }
          result[row] = hex;
        }
      }
      output.setStringUtf8Batch(0, result);
    }

    private static MessageDigest copy(MessageDigest digest) {
      try {
        return (MessageDigest) digest.clone();
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException("SHA-256 state cannot be copied in this JVM", e);
      }
    }

    private static MessageDigest sha256() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("SHA-256 is not available in this JVM", e);
      }
    }
  }

  static boolean isProtected(FieldSpec field) {
    return field.pii() != PiiTreatment.NONE;
  }
}

package io.customer360.transform.silver;

import io.customer360.common.contract.FieldSpec;
import io.customer360.common.contract.PiiTreatment;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed PII protection as DuckDB macros: {@code c360_hash(text)} is HMAC-SHA-256 under the
 * configured secret, hex encoded, so equal inputs give equal tokens usable as join keys, and nobody
 * without the secret can test a guess. {@code c360_token(text)} is the same construction under a
 * key derived for tokenization, so a tokenized name never equals a hashed email.
 *
 * <p>Values are normalized first, so every source yields one token per person: emails are trimmed
 * and lower-cased, phone numbers reduced to E.164 ({@code +} and digits; ten digits are taken as
 * North American), other values trimmed.
 */
final class PiiFunctions {

  private static final int BLOCK = 64;
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] hashKey;
  private final byte[] tokenKey;

  PiiFunctions(String secret) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException(
          "c360.transform.pii-key must be set to a secret of at least 16 characters"
              + " (environment variable C360_PII_KEY); silver cannot protect PII without it");
    }
    this.hashKey = secret.getBytes(StandardCharsets.UTF_8);
    this.tokenKey = hmac(hashKey, "c360-tokenize");
  }

  /** Statements creating the macros in a DuckDB session. Never log them: they hold key material. */
  List<String> macroStatements() {
    return List.of(
        macro("c360_hash", hashKey),
        macro("c360_token", tokenKey),
        "CREATE OR REPLACE TEMP MACRO c360_e164(v) AS CASE"
            + " WHEN length(regexp_replace(v, '[^0-9]', '', 'g')) = 10"
            + " THEN '+1' || regexp_replace(v, '[^0-9]', '', 'g')"
            + " WHEN length(regexp_replace(v, '[^0-9]', '', 'g')) > 0"
            + " THEN '+' || regexp_replace(v, '[^0-9]', '', 'g') END");
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

  /** HMAC-SHA-256 of a text under the hash key, as Java computes it; for tests and tools. */
  String hash(String value) {
    return HEX.formatHex(hmac(hashKey, value));
  }

  private static String macro(String name, byte[] key) {
    byte[] block = key.length > BLOCK ? sha256(key) : key;
    byte[] inner = new byte[BLOCK];
    byte[] outer = new byte[BLOCK];
    for (int i = 0; i < BLOCK; i++) {
      byte k = i < block.length ? block[i] : 0;
      inner[i] = (byte) (k ^ 0x36);
      outer[i] = (byte) (k ^ 0x5c);
    }
    return "CREATE OR REPLACE TEMP MACRO "
        + name
        + "(v) AS CASE WHEN v IS NULL THEN NULL ELSE sha256(unhex('"
        + HEX.formatHex(outer)
        + "') || unhex(sha256(unhex('"
        + HEX.formatHex(inner)
        + "') || encode(v)))) END";
  }

  private static byte[] hmac(byte[] key, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  static boolean isProtected(FieldSpec field) {
    return field.pii() != PiiTreatment.NONE;
  }
}

package io.customer360.transform.silver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The keyed hash in DuckDB against the JDK's HMAC-SHA-256. */
class PiiFunctionsTest {

  private static final List<String> VALUES =
      List.of(
          "",
          "10.1.2.3",
          "jane.doe@example.com",
          "Zoë Ångström ✓",
          "x".repeat(55),
          "y".repeat(56),
          "z".repeat(64),
          "w".repeat(1000));

  @Test
  void sqlHashesEqualTheJdkHmacForShortLongAndMultiByteValues() throws Exception {
    for (String secret : List.of("a-secret-of-16-chars", "k".repeat(64), "long-".repeat(30))) {
      PiiFunctions pii = new PiiFunctions(secret);
      try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
          Statement st = duckdb.createStatement()) {
        pii.register(duckdb);
        st.execute("CREATE TABLE v (i INTEGER, text VARCHAR)");
        for (int i = 0; i < VALUES.size(); i++) {
          st.execute("INSERT INTO v VALUES (" + i + ", " + SilverSql.literal(VALUES.get(i)) + ")");
        }
        st.execute("INSERT INTO v SELECT 100 + range, NULL FROM range(3000)");
        try (ResultSet rs =
            st.executeQuery(
                "SELECT i, text, c360_hash(text), c360_token(text) FROM v ORDER BY i")) {
          while (rs.next()) {
            String text = rs.getString(2);
            if (text == null) {
              assertThat(rs.getString(3)).isNull();
              assertThat(rs.getString(4)).isNull();
            } else {
              String expected = hmac(secret.getBytes(StandardCharsets.UTF_8), text);
              assertThat(rs.getString(3)).as(secret + "/" + text).isEqualTo(expected);
              assertThat(pii.hash(text)).isEqualTo(expected);
              byte[] tokenKey =
                  HexFormat.of()
                      .parseHex(hmac(secret.getBytes(StandardCharsets.UTF_8), "c360-tokenize"));
              assertThat(rs.getString(4)).isEqualTo(hmac(tokenKey, text)).isNotEqualTo(expected);
            }
          }
        }
      }
    }
  }

  @Test
  void aMillionValuesHashedOnTwoThreadsMatchTheJdk() throws Exception {
    PiiFunctions pii = new PiiFunctions("a-secret-of-16-chars");
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duckdb.createStatement()) {
      st.execute("SET threads = 2");
      pii.register(duckdb);
      try (ResultSet rs =
          st.executeQuery(
              "SELECT count(*), count(DISTINCT h), min(i), max(i) FROM (SELECT range AS i,"
                  + " c360_hash('10.0.' || range) AS h FROM range(1000000))"
                  + " WHERE h = c360_hash('10.0.' || i) AND length(h) = 64")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(1_000_000);
        assertThat(rs.getLong(2)).isEqualTo(1_000_000);
      }
      try (ResultSet rs = st.executeQuery("SELECT c360_hash('10.0.' || 777777) FROM range(1)")) {
        rs.next();
        assertThat(rs.getString(1))
            .isEqualTo(hmac("a-secret-of-16-chars".getBytes(), "10.0.777777"));
      }
    }
  }

  private static String hmac(byte[] key, String value) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
  }
}

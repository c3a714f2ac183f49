package io.customer360.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The demo's secrets: the PII hashing key and a demo API key. Generated at random on first run and
 * kept in the data folder (never in the repository), so tokens in the persisted lake stay stable
 * across restarts. Handed to the services as environment variables.
 *
 * @param piiKey key for keyed hashing of PII in silver
 * @param apiKey the {@code demo} client's API key for query-api and ml-scoring-service
 */
record DemoSecrets(String piiKey, String apiKey) {

  static DemoSecrets load(Optional<Path> dataDir) {
    if (dataDir.isEmpty()) {
      return new DemoSecrets(random(), random());
    }
    Path file = dataDir.get().resolve("demo-secrets.properties");
    Properties props = new Properties();
    try {
      if (Files.exists(file)) {
        try (Reader in = Files.newBufferedReader(file)) {
          props.load(in);
        }
      } else {
        props.setProperty("pii-key", random());
        props.setProperty("api-key", random());
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file)) {
          props.store(out, "Customer 360 local demo secrets; delete to regenerate");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write " + file, e);
    }
    return new DemoSecrets(props.getProperty("pii-key"), props.getProperty("api-key"));
  }

  Map<String, String> environment() {
    return Map.of("C360_PII_KEY", piiKey, "C360_SECURITY_APIKEYS_DEMO", apiKey);
  }

  private static String random() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public String toString() {
    return "DemoSecrets[redacted]";
  }
}

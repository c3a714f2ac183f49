package io.customer360.apisecurity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class ApiSecurityPropertiesTest {

  @Test
  void keysAndSecretBindFromEnvironmentVariables() {
    MutablePropertySources sources = new MutablePropertySources();
    sources.addFirst(
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            Map.of(
                "C360_SECURITY_APIKEYS_DASHBOARD", "dashboard-key",
                "C360_SECURITY_APIKEYS_DEMO", "demo-key",
                "C360_SECURITY_JWT_HMACSECRET", "an-hmac-secret-of-at-least-32-bytes")));

    ApiSecurityProperties properties =
        new Binder(ConfigurationPropertySources.from(sources))
            .bind("c360.security", ApiSecurityProperties.class)
            .get();

    assertThat(properties.apiKeys())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("dashboard", "dashboard-key", "demo", "demo-key"));
    assertThat(properties.jwt().hmacSecret()).isEqualTo("an-hmac-secret-of-at-least-32-bytes");
    assertThat(properties.apiKeyHeader()).isEqualTo("X-API-Key");
  }

  @Test
  void noKeysConfiguredIsAnEmptyMapAndNoJwt() {
    ApiSecurityProperties properties =
        new Binder(
                new MapConfigurationPropertySource(Map.of("c360.security.api-key-header", "X-Key")))
            .bindOrCreate("c360.security", ApiSecurityProperties.class);

    assertThat(properties.apiKeys()).isEmpty();
    assertThat(properties.apiKeyHeader()).isEqualTo("X-Key");
    assertThat(properties.jwt().hmacSecret()).isNull();
  }

  @Test
  void printedFormNamesTheClientsButNeverAKeyOrTheSecret() {
    ApiSecurityProperties properties =
        new ApiSecurityProperties(
            Map.of("dashboard", "key-123"),
            "X-API-Key",
            new ApiSecurityProperties.Jwt("secret-456-of-at-least-thirty-two-bytes"));

    assertThat(properties.toString())
        .contains("dashboard")
        .contains("hmacJwt=true")
        .doesNotContain("key-123")
        .doesNotContain("secret-456");
    assertThat(properties.jwt().toString()).doesNotContain("secret-456");
  }
}

package io.customer360.apisecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
  void issuerAndAllowedClientsBindFromEnvironmentVariables() {
    ApiSecurityProperties properties =
        bindEnvironment(
            Map.of(
                "C360_SECURITY_JWT_ISSUERURI",
                "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123",
                "C360_SECURITY_JWT_CLIENTIDS",
                "4d2kdashboard, 7q9support"));

    assertThat(properties.jwt().issuerUri())
        .isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123");
    assertThat(properties.jwt().clientIds())
        .containsExactlyInAnyOrder("4d2kdashboard", "7q9support");
    assertThat(properties.jwt().hasIssuer()).isTrue();
    assertThat(properties.jwt().hmacSecret()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contradictoryJwtSettings")
  void contradictoryJwtSettingsAreRefused(
      String name, Map<String, Object> environment, String message) {
    Throwable refusal = catchThrowable(() -> bindEnvironment(environment));

    assertThat(refusal).isNotNull();
    assertThat(firstIllegalArgument(refusal))
        .hasMessageContaining(message)
        .hasMessageNotContaining("an-hmac-secret");
  }

  /** The properties' own refusal, under the binder's wrapping. */
  private static Throwable firstIllegalArgument(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException) {
        return t;
      }
    }
    throw new AssertionError("No IllegalArgumentException in the causes of " + thrown);
  }

  static Stream<Arguments> contradictoryJwtSettings() {
    String issuer = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool";
    return Stream.of(
        Arguments.of(
            "shared secret and issuer",
            Map.of(
                "C360_SECURITY_JWT_HMACSECRET", "an-hmac-secret-of-at-least-32-bytes",
                "C360_SECURITY_JWT_ISSUERURI", issuer,
                "C360_SECURITY_JWT_CLIENTIDS", "client"),
            "not both"),
        Arguments.of(
            "issuer without clients",
            Map.of("C360_SECURITY_JWT_ISSUERURI", issuer),
            "needs c360.security.jwt.client-ids"),
        Arguments.of(
            "clients without issuer",
            Map.of("C360_SECURITY_JWT_CLIENTIDS", "client"),
            "issuer-uri, which is not set"),
        Arguments.of(
            "issuer that is no URL",
            Map.of("C360_SECURITY_JWT_ISSUERURI", "cognito", "C360_SECURITY_JWT_CLIENTIDS", "c"),
            "must be an http(s) URL"),
        Arguments.of(
            "blank issuer",
            Map.of("C360_SECURITY_JWT_ISSUERURI", " ", "C360_SECURITY_JWT_CLIENTIDS", "c"),
            "issuer-uri"));
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
    assertThat(properties.jwt().hasIssuer()).isFalse();
  }

  @Test
  void printedFormNamesTheClientsButNeverAKeyOrTheSecret() {
    ApiSecurityProperties properties =
        new ApiSecurityProperties(
            Map.of("dashboard", "key-123"),
            "X-API-Key",
            new ApiSecurityProperties.Jwt("secret-456-of-at-least-thirty-two-bytes", null, null),
            true);

    assertThat(properties.toString())
        .contains("dashboard")
        .contains("hmacJwt=true")
        .doesNotContain("key-123")
        .doesNotContain("secret-456");
    assertThat(properties.jwt().toString()).doesNotContain("secret-456");
  }

  private static ApiSecurityProperties bindEnvironment(Map<String, Object> variables) {
    MutablePropertySources sources = new MutablePropertySources();
    sources.addFirst(
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    return new Binder(ConfigurationPropertySources.from(sources))
        .bind("c360.security", ApiSecurityProperties.class)
        .get();
  }
}

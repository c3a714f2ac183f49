package io.customer360.common.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class LogFormatEnvironmentPostProcessorTest {

  private final LogFormatEnvironmentPostProcessor processor =
      new LogFormatEnvironmentPostProcessor();

  @Test
  void jsonFormatBecomesBootsConsoleFormat() {
    MockEnvironment environment = new MockEnvironment().withProperty("c360.log-format", "ECS");

    processor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
  }

  @Test
  void plainSwitchesStructuredLoggingOff() {
    MockEnvironment environment = new MockEnvironment().withProperty("c360.log-format", "plain");

    processor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("logging.structured.format.console")).isEmpty();
  }

  @Test
  void explicitBootSettingWins() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("c360.log-format", "ecs")
            .withProperty("logging.structured.format.console", "logstash");

    processor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
  }

  @Test
  void withoutTheSwitchNothingChanges() {
    MockEnvironment environment = new MockEnvironment();

    processor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.containsProperty("logging.structured.format.console")).isFalse();
  }

  @Test
  void unknownFormatIsRefusedWithTheChoices() {
    assertThatThrownBy(() -> LogFormatEnvironmentPostProcessor.consoleFormat("xml"))
        .hasMessageContaining("C360_LOG_FORMAT")
        .hasMessageContaining("ecs, logstash or gelf");
  }
}

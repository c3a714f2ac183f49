package io.customer360.common.logging;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code c360.log-format} (env {@code C360_LOG_FORMAT}) into Spring Boot's console log format
 * before logging starts: {@code ecs}, {@code logstash} or {@code gelf} for one JSON object per line
 * (MDC entries such as {@code correlationId} become fields), {@code plain} for Boot's
 * human-readable pattern. A service opts in by setting {@code c360.log-format} in its {@code
 * application.yaml}; an explicit {@code logging.structured.format.console} always wins.
 */
public final class LogFormatEnvironmentPostProcessor implements EnvironmentPostProcessor {

  /** The switch, bound from {@code C360_LOG_FORMAT} in the environment. */
  public static final String PROPERTY = "c360.log-format";

  static final String CONSOLE_FORMAT = "logging.structured.format.console";
  private static final Set<String> JSON_FORMATS = Set.of("ecs", "logstash", "gelf");
  private static final Set<String> PLAIN = Set.of("plain", "text");

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String format = environment.getProperty(PROPERTY);
    if (format == null || environment.containsProperty(CONSOLE_FORMAT)) {
      return;
    }
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "c360LogFormat", Map.of(CONSOLE_FORMAT, consoleFormat(format.trim()))));
  }

  /** Boot's console format for a {@code c360.log-format} value; empty means plain text. */
  static String consoleFormat(String format) {
    String normalized = format.toLowerCase(Locale.ROOT);
    if (PLAIN.contains(normalized) || normalized.isEmpty()) {
      return "";
    }
    if (JSON_FORMATS.contains(normalized)) {
      return normalized;
    }
    throw new IllegalStateException(
        PROPERTY
            + " (C360_LOG_FORMAT) is '"
            + format
            + "'; use ecs, logstash or gelf for JSON lines, or plain for text");
  }
}

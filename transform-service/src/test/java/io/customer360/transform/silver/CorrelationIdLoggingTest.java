package io.customer360.transform.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.customer360.common.pipeline.BronzeReady;
import io.customer360.common.pipeline.PipelineMessage;
import io.customer360.common.pipeline.PipelineMessageCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's logging as configured by its {@code application.yaml} ({@code c360.log-format:
 * ecs}): every console line is a JSON object, and a line logged while a bronze batch is handled
 * carries the batch's correlation id as a field, which silver-ready passes on.
 */
@ExtendWith(OutputCaptureExtension.class)
class CorrelationIdLoggingTest {

  private static final Logger log = LoggerFactory.getLogger(SilverPromoter.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void lineLoggedInsideABronzeBatchCarriesItsCorrelationIdAsAJsonField(CapturedOutput output) {
    String bronzeKey = "bronze/orders/ingest_date=2026-01-05/ingest_hour=10/orders-1.csv";
    BronzeReady bronze =
        new BronzeReady(
            PipelineMessage.CURRENT_VERSION,
            PipelineMessage.correlationIdFor(bronzeKey),
            Instant.parse("2026-01-05T10:00:00Z"),
            "orders",
            "c360-lake",
            List.of(bronzeKey),
            3,
            "landing");
    SilverPromoter promoter = mock(SilverPromoter.class);
    SilverAnnouncer announcer = mock(SilverAnnouncer.class);
    SilverPromoter.Result result =
        new SilverPromoter.Result(
            "orders", List.of("event_date=2026-01-05"), List.of("silver/k"), List.of(), 3, 0);
    when(promoter.promote(any(), any()))
        .thenAnswer(
            call -> {
              log.info("Promoting bronze objects={}", call.getArgument(1, List.class).size());
              return result;
            });
    BronzeReadyListener listener =
        new BronzeReadyListener(promoter, announcer, new SilverMetrics(new SimpleMeterRegistry()));

    try (ConfigurableApplicationContext ignored = serviceLogging()) {
      listener.onBronzeReady(new PipelineMessageCodec().toJson(bronze));
      log.info("After the batch");
    } finally {
      System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
    }

    JsonNode inside = line(output, "Promoting bronze objects=1").orElseThrow();
    assertThat(inside.path("correlationId").asString()).isEqualTo(bronze.correlationId());
    assertThat(inside.path("log").path("level").asString()).isEqualTo("INFO");
    assertThat(inside.path("service").path("name").asString()).isEqualTo("transform-service");
    assertThat(line(output, "After the batch").orElseThrow().has("correlationId")).isFalse();
    verify(announcer).announce(eq(bronze.correlationId()), eq(result));
  }

  /** Starts Spring Boot's logging as the service does, without the rest of the service. */
  private static ConfigurableApplicationContext serviceLogging() {
    return new SpringApplicationBuilder(NothingElse.class)
        .web(WebApplicationType.NONE)
        // The service's own configuration (no logback-test.xml), which tests otherwise replace.
        .properties("logging.config=classpath:logback-structured-test.xml")
        .run();
  }

  private static Optional<JsonNode> line(CapturedOutput output, String message) {
    return output
        .getOut()
        .lines()
        .filter(l -> l.startsWith("{"))
        .map(JSON::readTree)
        .filter(json -> json.path("message").asString().equals(message))
        .findFirst();
  }

  @Configuration(proxyBeanMethods = false)
  static class NothingElse {}
}

package io.customer360.infra.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code docker compose config}, Docker's own validation of the compose file. Runs only where a
 * Docker engine answers and the compose plugin is installed; elsewhere it is reported as skipped,
 * and {@link DockerComposeFileTest} checks the file's structure instead.
 */
class DockerComposeConfigTest {

  @Test
  void dockerComposeAcceptsTheFile() {
    skipUnless(
        run(List.of("docker", "info", "--format", "{{.ServerVersion}}")).exitCode() == 0,
        "No Docker engine answers `docker info`: `docker compose config` not run");
    skipUnless(
        run(List.of("docker", "compose", "version")).exitCode() == 0,
        "The docker compose plugin is not installed: `docker compose config` not run");
    Result result =
        run(List.of("docker", "compose", "-f", "docker-compose.yml", "config", "--quiet"));
    assertThat(result.exitCode()).as(result.output()).isZero();
    Result services =
        run(List.of("docker", "compose", "-f", "docker-compose.yml", "config", "--services"));
    assertThat(services.output().lines())
        .containsExactlyInAnyOrder(
            "localstack",
            "postgres",
            "ingestion-service",
            "transform-service",
            "warehouse-loader",
            "query-api",
            "ml-scoring-service");
  }

  /** Skips the test, saying why on the console as well as in the report. */
  private static void skipUnless(boolean condition, String reason) {
    if (!condition) {
      System.out.println(
          "SKIPPED " + DockerComposeConfigTest.class.getSimpleName() + ": " + reason);
    }
    assumeTrue(condition, reason);
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command) {
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(SynthesizedApp.REPOSITORY_ROOT.toFile())
              .redirectErrorStream(true)
              .start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(-1, "timed out: " + output);
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      return new Result(-1, "cannot run " + command.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }
}

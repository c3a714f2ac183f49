package io.customer360.infra.local.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Kinesis on kinesis-mock (in memory), a Node process started from its package folder. Stopping it
 * ends the process and any children it started, so no {@code node} is left behind.
 */
public final class KinesisMock implements AutoCloseable {

  private final Process process;
  private final URI endpoint;

  private KinesisMock(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /**
   * Launches kinesis-mock without waiting for it; call {@link #awaitReady()} before use, so the
   * other emulators can start meanwhile.
   */
  public static KinesisMock launch(Path packageDir, int plainPort, Path logFile, String region)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(List.of("node", "main.js"))
            .directory(packageDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile());
    Map<String, String> env = builder.environment();
    env.put("KINESIS_MOCK_PLAIN_PORT", Integer.toString(plainPort));
    env.put("KINESIS_MOCK_TLS_PORT", Integer.toString(FreePort.resolve(0)));
    env.put("AWS_REGION", region);
    env.put("LOG_LEVEL", "WARN");
    env.put("CREATE_STREAM_DURATION", "100ms");
    Process process = builder.start();
    return new KinesisMock(process, URI.create("http://127.0.0.1:" + plainPort));
  }

  /** Blocks until kinesis-mock accepts connections, or fails with its log location. */
  public KinesisMock awaitReady(Path logFile) {
    try {
      FreePort.awaitOpen(
          "kinesis-mock (log: " + logFile + ")",
          endpoint.getPort(),
          Duration.ofSeconds(60),
          process::isAlive);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    return this;
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }
}

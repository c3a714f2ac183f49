package io.customer360.demo.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customer360.common.aws.AwsSettings;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunningPlatformTest {

  @TempDir Path dataDir;

  /** The file as the demo launcher writes it. */
  private Properties running(long pid) {
    Properties p = new Properties();
    p.setProperty("pid", Long.toString(pid));
    p.setProperty("s3.endpoint", "http://127.0.0.1:9090");
    p.setProperty("aws.region", "us-east-1");
    p.setProperty("aws.access-key-id", "local-key");
    p.setProperty("aws.secret-access-key", "local-secret-value");
    p.setProperty("lake.bucket", "c360-lake");
    p.setProperty("jdbc.url", "jdbc:postgresql://127.0.0.1:5433/c360");
    p.setProperty("jdbc.user", "postgres");
    p.setProperty("query-api.url", "http://127.0.0.1:8083");
    p.setProperty("ml-scoring-service.url", "http://127.0.0.1:8084");
    p.setProperty("api-key", "demo-api-key");
    return p;
  }

  private void write(Properties p) throws IOException {
    try (Writer w = Files.newBufferedWriter(dataDir.resolve("running.properties"))) {
      p.store(w, "The running Customer 360 demo; deleted when it stops");
    }
  }

  @Test
  void readsWhatTheLauncherWrites() throws IOException {
    write(running(4242));

    RunningPlatform platform = RunningPlatform.read(dataDir);

    assertThat(platform.pid()).isEqualTo(4242);
    assertThat(platform.s3Endpoint()).isEqualTo(URI.create("http://127.0.0.1:9090"));
    assertThat(platform.region()).isEqualTo("us-east-1");
    assertThat(platform.accessKeyId()).isEqualTo("local-key");
    assertThat(platform.secretAccessKey()).isEqualTo("local-secret-value");
    assertThat(platform.bucket()).isEqualTo("c360-lake");
    assertThat(platform.file()).isEqualTo(dataDir.resolve("running.properties"));
  }

  @Test
  void givesS3SettingsWithStaticKeysAndPathStyle() throws IOException {
    write(running(4242));

    AwsSettings settings = RunningPlatform.read(dataDir).awsSettings();

    assertThat(settings.endpoints().s3()).isEqualTo(URI.create("http://127.0.0.1:9090"));
    assertThat(settings.hasStaticCredentials()).isTrue();
    assertThat(settings.pathStyleAccess()).isTrue();
    assertThat(settings.region()).isEqualTo("us-east-1");
  }

  @Test
  void neverShowsTheSecretKey() throws IOException {
    write(running(4242));

    assertThat(RunningPlatform.read(dataDir).toString())
        .doesNotContain("local-secret-value")
        .contains("c360-lake");
  }

  @Test
  void withoutTheFileThePlatformIsNotRunning() {
    assertThatThrownBy(() -> RunningPlatform.read(dataDir))
        .isInstanceOfSatisfying(LandFileException.class, e -> assertThat(e.exitCode()).isEqualTo(3))
        .hasMessage(
            "platform not running: no "
                + dataDir.resolve("running.properties")
                + " (if the demo runs with another data directory, pass --data-dir=DIR);"
                + " start it with ./bin/run-local.sh");
  }

  @Test
  void aFileWithoutTheS3EndpointIsRefusedNamingTheKey() throws IOException {
    Properties p = running(4242);
    p.remove("s3.endpoint");
    write(p);

    assertThatThrownBy(() -> RunningPlatform.read(dataDir))
        .isInstanceOfSatisfying(LandFileException.class, e -> assertThat(e.exitCode()).isEqualTo(3))
        .hasMessageContaining("running.properties has no s3.endpoint;");
  }

  @Test
  void aPidThatIsNotANumberIsRefused() throws IOException {
    Properties p = running(1);
    p.setProperty("pid", "abc");
    write(p);

    assertThatThrownBy(() -> RunningPlatform.read(dataDir))
        .hasMessageContaining("running.properties has no valid pid ('abc')");
  }

  @Test
  void theFileOfALiveLauncherIsAccepted() throws IOException {
    write(running(ProcessHandle.current().pid()));

    assertThat(RunningPlatform.requireRunning(dataDir).launcherAlive()).isTrue();
  }

  @Test
  void theFileOfALauncherThatExitedMeansNotRunning() throws Exception {
    Process exited = new ProcessBuilder("true").start();
    exited.waitFor();
    write(running(exited.pid()));

    assertThatThrownBy(() -> RunningPlatform.requireRunning(dataDir))
        .isInstanceOfSatisfying(LandFileException.class, e -> assertThat(e.exitCode()).isEqualTo(3))
        .hasMessage(
            "platform not running: the demo that wrote "
                + dataDir.resolve("running.properties")
                + " (pid "
                + exited.pid()
                + ") has exited; start it with ./bin/run-local.sh");
  }
}

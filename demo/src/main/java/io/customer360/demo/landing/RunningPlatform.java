package io.customer360.demo.landing;

import static io.customer360.demo.landing.LandFileException.notRunning;

import io.customer360.common.aws.AwsSettings;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The running local demo as its launcher describes it in {@code <data-dir>/running.properties},
 * which exists while the demo runs: the launcher's process id and how to reach the lake. The file
 * also holds the warehouse and API addresses, which landing a file does not need.
 *
 * @param file the file read
 * @param pid the launcher's process id
 * @param s3Endpoint the S3 emulator
 * @param region AWS region
 * @param accessKeyId the emulator's access key
 * @param secretAccessKey the emulator's secret key; never printed
 * @param bucket the lake bucket
 */
record RunningPlatform(
    Path file,
    long pid,
    URI s3Endpoint,
    String region,
    String accessKeyId,
    String secretAccessKey,
    String bucket) {

  /** The file the launcher writes into its data directory. */
  static final String FILE = "running.properties";

  /**
   * Reads the file of the demo running with this data directory.
   *
   * @throws LandFileException (exit 3) when there is no such file or it lacks a setting
   */
  static RunningPlatform read(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw notRunning(
          "no " + file + " (if the demo runs with another data directory, pass --data-dir=DIR)");
    }
    Properties p = load(file);
    return new RunningPlatform(
        file,
        pid(p, file),
        endpoint(p, file),
        required(p, "aws.region", file),
        required(p, "aws.access-key-id", file),
        required(p, "aws.secret-access-key", file),
        required(p, "lake.bucket", file));
  }

  /**
   * Reads the file and checks that the launcher that wrote it still runs.
   *
   * @throws LandFileException (exit 3) when it does not
   */
  static RunningPlatform requireRunning(Path dataDir) {
    RunningPlatform platform = read(dataDir);
    if (!platform.launcherAlive()) {
      throw notRunning(
          "the demo that wrote " + platform.file + " (pid " + platform.pid + ") has exited");
    }
    return platform;
  }

  boolean launcherAlive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Client settings for the lake: static keys, path-style access, only the S3 endpoint. */
  AwsSettings awsSettings() {
    return new AwsSettings(
        region,
        accessKeyId,
        secretAccessKey,
        new AwsSettings.Endpoints(s3Endpoint, null, null, null, null),
        true);
  }

  private static Properties load(Path file) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    } catch (IOException | IllegalArgumentException e) {
      throw notRunning("cannot read " + file + " (" + e.getMessage() + ")");
    }
    return p;
  }

  private static String required(Properties p, String key, Path file) {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      throw notRunning(file + " has no " + key);
    }
    return value.trim();
  }

  private static long pid(Properties p, Path file) {
    String text = required(p, "pid", file);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw notRunning(file + " has no valid pid ('" + text + "')");
    }
  }

  private static URI endpoint(Properties p, Path file) {
    String text = required(p, "s3.endpoint", file);
    try {
      URI uri = URI.create(text);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw notRunning(file + " has no valid s3.endpoint ('" + text + "')");
    }
  }

  @Override
  public String toString() {
    return "RunningPlatform[file="
        + file
        + ", pid="
        + pid
        + ", s3Endpoint="
        + s3Endpoint
        + ", region="
        + region
        + ", bucket="
        + bucket
        + ", keys=redacted]";
  }
}

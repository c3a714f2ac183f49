package io.customer360.infra.local.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Installs kinesis-mock (npm {@code kinesis-local}) into the cache folder on first use, with the
 * machine's own {@code npm}. The install goes to a scratch folder that is then renamed into place,
 * so concurrent first uses and interrupted installs never leave a half-installed package.
 */
public final class KinesisMockInstaller {

  /** The pinned package version. */
  public static final String VERSION = "0.6.2";

  private static final String PACKAGE = "kinesis-local";

  private KinesisMockInstaller() {}

  /** The installed package folder, holding {@code main.js}; installs it first if needed. */
  public static Path ensureInstalled(Path cacheDir) {
    Path home = cacheDir.resolve(PACKAGE + "-" + VERSION);
    Path packageDir = home.resolve("node_modules").resolve(PACKAGE);
    if (Files.isRegularFile(packageDir.resolve("main.js"))) {
      return packageDir;
    }
    try {
      Files.createDirectories(cacheDir);
      Path scratch = Files.createTempDirectory(cacheDir, PACKAGE + "-install-");
      npmInstall(scratch);
      try {
        Files.move(scratch, home, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        deleteRecursively(scratch); // another process finished first
      } catch (IOException e) {
        if (!Files.isRegularFile(packageDir.resolve("main.js"))) {
          throw e;
        }
        deleteRecursively(scratch);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot install " + PACKAGE + " into " + cacheDir, e);
    }
    if (!Files.isRegularFile(packageDir.resolve("main.js"))) {
      throw new IllegalStateException(
          "npm installed "
              + PACKAGE
              + "@"
              + VERSION
              + " but "
              + packageDir
              + "/main.js is missing");
    }
    return packageDir;
  }

  private static void npmInstall(Path prefix) throws IOException {
    Path log = prefix.resolve("npm-install.log");
    List<String> command =
        List.of(
            "npm",
            "install",
            "--prefix",
            prefix.toString(),
            "--no-save",
            "--no-package-lock",
            "--no-audit",
            "--no-fund",
            PACKAGE + "@" + VERSION);
    Process npm;
    try {
      npm =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new IOException(
          "Cannot run npm to install kinesis-mock; install Node.js 18+ with npm first", e);
    }
    try {
      if (!npm.waitFor(5, TimeUnit.MINUTES)) {
        npm.destroyForcibly();
        throw new IOException("npm install " + PACKAGE + " timed out after 5 minutes; see " + log);
      }
    } catch (InterruptedException e) {
      npm.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while installing " + PACKAGE, e);
    }
    if (npm.exitValue() != 0) {
      throw new IOException(
          "npm install "
              + PACKAGE
              + "@"
              + VERSION
              + " failed with exit code "
              + npm.exitValue()
              + ": "
              + Files.readString(log).strip());
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}

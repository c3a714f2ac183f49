package io.customer360.infra.local.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB on DynamoDB Local (for KCL leases), in memory: leases must not outlive the in-memory
 * Kinesis streams they point into.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {

  private static final String NATIVE_LIBRARY = "libsqlite4java-linux-amd64-1.0.392.so";

  private final DynamoDBProxyServer server;
  private final URI endpoint;

  private EmbeddedDynamoDb(DynamoDBProxyServer server, URI endpoint) {
    this.server = server;
    this.endpoint = endpoint;
  }

  /** Starts DynamoDB Local on {@code port}, unpacking sqlite4java's native library first. */
  public static EmbeddedDynamoDb start(int port, Path cacheDir) throws Exception {
    System.setProperty("sqlite4java.library.path", unpackNativeLibrary(cacheDir).toString());
    DynamoDBProxyServer server =
        ServerRunner.createServerFromCommandLineArgs(
            new String[] {"-port", Integer.toString(port), "-sharedDb", "-inMemory"});
    server.start();
    return new EmbeddedDynamoDb(server, URI.create("http://127.0.0.1:" + port));
  }

  private static Path unpackNativeLibrary(Path cacheDir) {
    Path dir = cacheDir.resolve("sqlite4java");
    Path target = dir.resolve(NATIVE_LIBRARY);
    if (Files.exists(target)) {
      return dir;
    }
    try (InputStream in =
        EmbeddedDynamoDb.class.getResourceAsStream("/native/sqlite4java/" + NATIVE_LIBRARY)) {
      if (in == null) {
        throw new IllegalStateException(
            "sqlite4java native library missing from the local-platform jar: " + NATIVE_LIBRARY);
      }
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "sqlite4java", ".tmp");
      Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot unpack sqlite4java into " + dir, e);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}

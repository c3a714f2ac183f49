package io.customer360.infra.local.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Port helpers for loopback servers. */
public final class FreePort {

  private FreePort() {}

  /** {@code requested}, or a port that was free a moment ago when {@code requested} is 0. */
  public static int resolve(int requested) {
    if (requested != 0) {
      return requested;
    }
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free loopback port", e);
    }
  }

  /** Whether something accepts TCP connections on 127.0.0.1:{@code port}. */
  public static boolean isOpen(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Waits until the port accepts connections.
   *
   * @param alive checked between attempts; when it turns false the wait fails at once
   */
  public static void awaitOpen(String what, int port, Duration timeout, BooleanSupplier alive) {
    Instant deadline = Instant.now().plus(timeout);
    while (!isOpen(port)) {
      if (!alive.getAsBoolean()) {
        throw new IllegalStateException(what + " exited before listening on port " + port);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            what + " did not listen on port " + port + " within " + timeout);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + what, e);
      }
    }
  }
}

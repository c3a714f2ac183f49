package io.customer360.demo.landing;

/**
 * Ends {@code land-file} with a one-line message and an exit code: the message says what is wrong
 * and what to do, so it is printed as it is, without a stack trace.
 */
final class LandFileException extends RuntimeException {

  private final int exitCode;

  LandFileException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  LandFileException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** A wrong command line, dataset or file (exit 2). */
  static LandFileException usage(String message) {
    return new LandFileException(LandFile.EXIT_USAGE, message);
  }

  /** No running demo to land in (exit 3); {@code why} says what was found instead. */
  static LandFileException notRunning(String why) {
    return new LandFileException(
        LandFile.EXIT_NOT_RUNNING,
        "platform not running: " + why + "; start it with ./bin/run-local.sh");
  }

  int exitCode() {
    return exitCode;
  }
}

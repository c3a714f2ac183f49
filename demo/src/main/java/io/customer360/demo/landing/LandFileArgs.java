package io.customer360.demo.landing;

import static io.customer360.demo.landing.LandFileException.usage;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line {@code DATASET FILE [--data-dir=DIR] [--timeout=SECONDS]}, parsed and checked.
 *
 * @param dataset the dataset named, not yet checked against the contracts
 * @param file the file to land, absolute; a relative one is taken from the caller's directory
 * @param dataDir the running demo's data directory, absolute; a relative one is taken from the
 *     working directory (the repository root, as for {@code run-local.sh})
 * @param timeout how long to wait for the outcome
 */
record LandFileArgs(String dataset, Path file, Path dataDir, Duration timeout) {

  static final String USAGE =
      "usage: bin/land-file.sh DATASET FILE [--data-dir=DIR] [--timeout=SECONDS]";

  /** The demo's default data directory, relative to the repository root. */
  static final String DEFAULT_DATA_DIR = ".c360-local";

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);

  /**
   * Parses the arguments after {@code land-file}.
   *
   * @param callerDir where the user ran the script, for a relative FILE
   * @param workingDir the repository root, for a relative or the default data directory
   * @throws LandFileException (exit 2) naming the argument that is wrong
   */
  static LandFileArgs parse(String[] args, Path callerDir, Path workingDir) {
    List<String> positional = new ArrayList<>();
    String dataDir = DEFAULT_DATA_DIR;
    Duration timeout = DEFAULT_TIMEOUT;
    for (String arg : args) {
      if (arg.startsWith("--data-dir")) {
        dataDir = value(arg, "--data-dir", "DIR");
      } else if (arg.startsWith("--timeout")) {
        timeout = seconds(value(arg, "--timeout", "SECONDS"));
      } else if (arg.startsWith("--")) {
        throw usage("unknown option '" + arg + "'; " + USAGE);
      } else {
        positional.add(arg);
      }
    }
    if (positional.size() != 2) {
      throw usage("expected DATASET and FILE, got " + describe(positional) + "; " + USAGE);
    }
    return new LandFileArgs(
        positional.get(0),
        path(callerDir, positional.get(1), "FILE"),
        path(workingDir, dataDir, "--data-dir"),
        timeout);
  }

  private static String value(String arg, String option, String placeholder) {
    if (!arg.startsWith(option + "=") || arg.length() == option.length() + 1) {
      throw usage(option + " needs a value: " + option + "=" + placeholder);
    }
    return arg.substring(option.length() + 1);
  }

  private static Duration seconds(String text) {
    long seconds;
    try {
      seconds = Long.parseLong(text);
    } catch (NumberFormatException e) {
      seconds = 0;
    }
    if (seconds <= 0) {
      throw usage("--timeout must be a whole number of seconds above 0, got '" + text + "'");
    }
    return Duration.ofSeconds(seconds);
  }

  private static Path path(Path base, String text, String what) {
    try {
      return base.resolve(text).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw usage(what + " is not a valid path: '" + text + "'");
    }
  }

  private static String describe(List<String> positional) {
    return positional.isEmpty() ? "nothing" : String.join(" ", positional);
  }
}

package io.customer360.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Resident memory of this process and all its descendants (services, kinesis-mock, PostgreSQL). */
final class Memory {

  private Memory() {}

  /** Total resident set size in bytes, read from {@code /proc}. */
  static long totalResidentBytes() {
    return Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants())
        .mapToLong(p -> residentKb(p.pid()) * 1024)
        .sum();
  }

  private static long residentKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended meanwhile, or no /proc: count nothing
    }
    return 0;
  }
}

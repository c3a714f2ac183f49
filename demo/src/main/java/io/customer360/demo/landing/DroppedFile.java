package io.customer360.demo.landing;

import static io.customer360.demo.landing.LandFileException.usage;

import io.customer360.common.lake.LakePath;
import io.customer360.common.lake.ObjectNames;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The local file to land: its name, size and SHA-256. Name and content fix the names ingestion
 * gives it in the lake ({@link ObjectNames#batchFile}), so its bronze or quarantine object can be
 * found by name.
 *
 * @param path the local file
 * @param name its file name, which it keeps in the lake
 * @param size bytes
 * @param sha256 lower-case hex SHA-256 of the content
 */
record DroppedFile(Path path, String name, long size, String sha256) {

  /**
   * Reads and hashes a file.
   *
   * @throws LandFileException (exit 2) when it is missing, not a regular file or unreadable
   */
  static DroppedFile read(Path path) {
    if (!Files.exists(path)) {
      throw usage("no such file: " + path);
    }
    if (!Files.isRegularFile(path)) {
      throw usage(path + " is not a regular file");
    }
    if (!Files.isReadable(path)) {
      throw usage("cannot read " + path + " (permission denied)");
    }
    try (DigestInputStream in = new DigestInputStream(Files.newInputStream(path), digest())) {
      long size = in.transferTo(OutputStream.nullOutputStream());
      String hex = ObjectNames.hex(in.getMessageDigest().digest());
      return new DroppedFile(path, path.getFileName().toString(), size, hex);
    } catch (IOException e) {
      throw usage("cannot read " + path + " (" + e.getMessage() + ")");
    }
  }

  /**
   * Its landing object under the dataset's source folder.
   *
   * @throws LandFileException (exit 2) when the name is not allowed in a lake key
   */
  LakePath landingPath(String source) {
    try {
      return LakePath.landing(source, name);
    } catch (IllegalArgumentException e) {
      throw usage(
          "the file name '"
              + name
              + "' is not allowed in the lake; rename it to letters, digits, spaces and . _ - = + @ ,");
    }
  }

  /** The name ingestion gives its bronze object: content hash prefix, then its own name. */
  String bronzeName() {
    return ObjectNames.batchFile(name, sha256);
  }

  /** Hex SHA-256 of a text, as ingestion names a quarantine copy it did not download. */
  static String sha256Of(String text) {
    return ObjectNames.hex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}

package io.customer360.scoring.training;

/** An imported model or feature list is invalid; names the part of the upload at fault. */
public class ModelImportException extends RuntimeException {

  private final String part;

  public ModelImportException(String part, String message, Throwable cause) {
    super(message, cause);
    this.part = part;
  }

  /** The upload part at fault: {@code model} or {@code features}. */
  public String part() {
    return part;
  }
}

package io.customer360.common.contract;

/**
 * A dataset contract file that cannot be used. The message names the file and, where one is at
 * fault, the field, so a broken contract stops start-up with a message that says what to fix.
 */
public class InvalidContractException extends RuntimeException {

  private final String file;

  InvalidContractException(String file, String problem) {
    super("Invalid dataset contract " + file + ": " + problem);
    this.file = file;
  }

  InvalidContractException(String file, String problem, Throwable cause) {
    super("Invalid dataset contract " + file + ": " + problem, cause);
    this.file = file;
  }

  /** The contract file at fault, as it was found. */
  public String file() {
    return file;
  }
}

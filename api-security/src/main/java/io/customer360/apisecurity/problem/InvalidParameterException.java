package io.customer360.apisecurity.problem;

/**
 * A request parameter (query parameter, path variable, upload part or body field) the API cannot
 * accept: a 400 {@code invalid-parameter} problem whose {@code parameter} property names it and
 * whose detail reads {@code <parameter>: <reason>}.
 */
public class InvalidParameterException extends RuntimeException {

  private final String parameter;

  /**
   * @param parameter the name of the parameter at fault
   * @param reason what is wrong with it, without repeating its name (e.g. {@code must be at most
   *     24})
   */
  public InvalidParameterException(String parameter, String reason) {
    super(parameter + ": " + reason);
    this.parameter = parameter;
  }

  /** The name of the parameter at fault. */
  public String parameter() {
    return parameter;
  }
}

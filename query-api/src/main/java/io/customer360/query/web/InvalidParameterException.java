package io.customer360.query.web;

/** A request parameter that is malformed or out of range; answered 400 naming the parameter. */
public class InvalidParameterException extends RuntimeException {

  private final String parameter;

  public InvalidParameterException(String parameter, String message) {
    super(parameter + ": " + message);
    this.parameter = parameter;
  }

  /** The name of the offending query parameter or path variable. */
  public String parameter() {
    return parameter;
  }
}

package io.customer360.query.web;

/** The thing a path names does not exist in the warehouse; answered 404 naming the parameter. */
public class NotFoundException extends RuntimeException {

  private final String parameter;

  public NotFoundException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The path variable or parameter that named the missing thing. */
  public String parameter() {
    return parameter;
  }
}

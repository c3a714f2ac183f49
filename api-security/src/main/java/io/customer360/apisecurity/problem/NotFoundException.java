package io.customer360.apisecurity.problem;

import java.util.Optional;

/**
 * What the request names does not exist: a 404 {@code not-found} problem, with a {@code parameter}
 * property when a parameter named it.
 */
public class NotFoundException extends RuntimeException {

  private final String parameter;

  /** Nothing of that kind exists yet (no parameter named it). */
  public NotFoundException(String message) {
    this(null, message);
  }

  /**
   * @param parameter the path variable or parameter that named the missing thing
   * @param message what is missing, e.g. {@code No customer C42}
   */
  public NotFoundException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The path variable or parameter that named the missing thing, if one did. */
  public Optional<String> parameter() {
    return Optional.ofNullable(parameter);
  }
}

package io.customer360.scoring.model;

/** A model could not be built, loaded, validated or run. */
public class ModelException extends RuntimeException {

  public ModelException(String message) {
    super(message);
  }

  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.customer360.scoring.features;

/** A feature table or file cannot give what a model or a training run needs. */
public class FeatureDataException extends RuntimeException {

  public FeatureDataException(String message) {
    super(message);
  }

  public FeatureDataException(String message, Throwable cause) {
    super(message, cause);
  }
}

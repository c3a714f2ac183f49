package io.customer360.scoring.training;

/** A training run cannot go on: not enough data, a failed guard, or an XGBoost failure. */
public class TrainingException extends RuntimeException {

  public TrainingException(String message) {
    super(message);
  }

  public TrainingException(String message, Throwable cause) {
    super(message, cause);
  }
}

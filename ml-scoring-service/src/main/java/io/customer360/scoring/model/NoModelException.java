package io.customer360.scoring.model;

/** No model has been promoted and loaded yet, so nothing can be scored. */
public class NoModelException extends RuntimeException {

  public NoModelException() {
    super(
        "No churn model is serving yet: train one (POST /api/v1/models/churn/train) or import one");
  }
}

package io.customer360.scoring.training;

/** A training run was requested while another one is in progress. */
public class TrainingAlreadyRunningException extends RuntimeException {

  public TrainingAlreadyRunningException() {
    super("A training run is already in progress");
  }
}

package io.customer360.scoring.web;

/** The requested thing does not exist; becomes a 404. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}

package io.customer360.scoring.model;

/** A model loaded, but its feature count or names disagree with the feature list given for it. */
public class FeatureListMismatchException extends ModelException {

  public FeatureListMismatchException(String message) {
    super(message);
  }
}

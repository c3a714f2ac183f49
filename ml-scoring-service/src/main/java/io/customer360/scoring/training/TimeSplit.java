package io.customer360.scoring.training;

import io.customer360.scoring.features.FeatureFrame;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A split by snapshot date, never at random across time. The validation window is the last {@code
 * validationDays} snapshot dates. A snapshot's label looks {@code labelHorizonDays} ahead, so a
 * training snapshot must end its label window by the validation start: training keeps snapshots
 * dated on or before {@code validationStart − labelHorizonDays} (an embargo), or the training
 * labels would already know the outcomes the validation period is judged on.
 *
 * @param validationStart first validation snapshot date
 * @param validationEnd last validation snapshot date
 * @param trainStart first training snapshot date
 * @param trainEnd last training snapshot date allowed ({@code validationStart − horizon})
 * @param trainRows indexes of training rows in the frame
 * @param validationRows indexes of validation rows in the frame
 */
public record TimeSplit(
    LocalDate validationStart,
    LocalDate validationEnd,
    LocalDate trainStart,
    LocalDate trainEnd,
    int[] trainRows,
    int[] validationRows) {

  /**
   * Splits the labelled rows of a frame.
   *
   * @throws TrainingException when a side would be empty or a row has no snapshot date
   */
  public static TimeSplit of(FeatureFrame frame, int validationDays, int labelHorizonDays) {
    if (validationDays < 1 || labelHorizonDays < 0) {
      throw new IllegalArgumentException("validationDays must be ≥ 1 and labelHorizonDays ≥ 0");
    }
    LocalDate first = null;
    LocalDate last = null;
    for (int i = 0; i < frame.rows(); i++) {
      LocalDate d = frame.dates().get(i);
      if (d == null) {
        throw new TrainingException("Row " + i + " has no snapshot date; a time split needs one");
      }
      first = first == null || d.isBefore(first) ? d : first;
      last = last == null || d.isAfter(last) ? d : last;
    }
    if (last == null) {
      throw new TrainingException("No labelled snapshots to train on");
    }
    LocalDate validationStart = last.minusDays(validationDays - 1L);
    LocalDate trainEnd = validationStart.minusDays(labelHorizonDays);
    List<Integer> train = new ArrayList<>();
    List<Integer> validation = new ArrayList<>();
    for (int i = 0; i < frame.rows(); i++) {
      LocalDate d = frame.dates().get(i);
      if (!d.isBefore(validationStart)) {
        validation.add(i);
      } else if (!d.isAfter(trainEnd) && d.isBefore(validationStart)) {
        train.add(i);
      }
    }
    if (train.isEmpty()) {
      throw new TrainingException(
          "No training snapshots on or before "
              + trainEnd
              + " (validation starts "
              + validationStart
              + ", label horizon "
              + labelHorizonDays
              + " days); the table spans "
              + first
              + " to "
              + last);
    }
    return new TimeSplit(
        validationStart,
        last,
        first,
        trainEnd,
        train.stream().mapToInt(Integer::intValue).toArray(),
        validation.stream().mapToInt(Integer::intValue).toArray());
  }
}

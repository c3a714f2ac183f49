package io.customer360.common.lake;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why something went to quarantine: the one vocabulary of reason codes for the whole pipeline, as
 * they appear in quarantine Parquet ({@code reason}, {@code reasons}), in a quarantined file's
 * {@code .reason.json} and {@link ObjectMetadata#REASON}, in metrics tags and in {@code
 * land-file}'s report. The constants are the fixed codes ({@link #code()} is the constant in lower
 * case); codes about one contract field are built by {@link #missingField}, {@link #badType} and
 * {@link #unknownValue}.
 *
 * <p>Whole dropped files (ingestion, before bronze): {@link #EMPTY_FILE}, {@link #TRUNCATED_GZIP},
 * {@link #CORRUPT_GZIP}, {@link #TRUNCATED_PARQUET}, {@link #BINARY_CONTENT}, {@link #NOT_UTF8},
 * {@link #UNSUPPORTED_FORMAT}, {@link #UNKNOWN_SOURCE}, {@link #TOO_LARGE}. A bronze object
 * transform-service cannot read: {@link #UNREADABLE_FILE}. Records (transform-service, bronze to
 * silver), the first code of a record being its primary one: {@link #UNPARSEABLE_JSON}, {@link
 * #INVALID_UTF8}, {@link #NOT_A_JSON_OBJECT}, {@link #TOO_LARGE}, then the field codes.
 */
public enum QuarantineReason {
  EMPTY_FILE("the file is empty"),
  TRUNCATED_GZIP("the gzip data ends early: the file was cut off"),
  CORRUPT_GZIP("the file starts like gzip but is not valid gzip data"),
  TRUNCATED_PARQUET("the Parquet file is incomplete"),
  BINARY_CONTENT("binary data, not CSV or JSON lines text"),
  NOT_UTF8("text that is not UTF-8"),
  UNSUPPORTED_FORMAT("neither CSV, JSON lines nor Parquet"),
  UNKNOWN_SOURCE("no dataset reads this landing folder"),
  TOO_LARGE("larger than the platform accepts"),
  UNREADABLE_FILE("transform-service could not read it in the dataset's format"),
  UNPARSEABLE_JSON("not valid JSON"),
  INVALID_UTF8("not valid UTF-8"),
  NOT_A_JSON_OBJECT("a JSON value that is not an object");

  /** Starts the code of a required field that is missing or empty: {@code missing_field:<f>}. */
  public static final String MISSING_FIELD = "missing_field:";

  /** Starts the code of a field whose text is not of its type: {@code bad_type:<f>}. */
  public static final String BAD_TYPE = "bad_type:";

  /**
   * Starts the code of a value outside the field's allowed values: {@code unknown_<f>}, e.g. {@code
   * unknown_event_type}.
   */
  public static final String UNKNOWN_VALUE = "unknown_";

  private final String meaning;

  QuarantineReason(String meaning) {
    this.meaning = meaning;
  }

  /** The code as written, e.g. {@code truncated_gzip}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** What the code means, in words for a user. */
  public String meaning() {
    return meaning;
  }

  /** The fixed reason of this code, if it is one (field codes are not). */
  public static Optional<QuarantineReason> ofCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
  }

  /** {@code missing_field:<field>}. */
  public static String missingField(String field) {
    return MISSING_FIELD + field;
  }

  /** {@code bad_type:<field>}. */
  public static String badType(String field) {
    return BAD_TYPE + field;
  }

  /** {@code unknown_<field>}. */
  public static String unknownValue(String field) {
    return UNKNOWN_VALUE + field;
  }
}

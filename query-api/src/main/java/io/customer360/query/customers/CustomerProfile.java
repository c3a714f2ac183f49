package io.customer360.query.customers;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The customer 360 profile: the current CRM version, the running totals and activity of the latest
 * daily feature snapshot, the segment and the churn score. {@code personal} is present only for
 * callers with the PII scope.
 *
 * @param customerId CRM customer id
 * @param state two-letter state
 * @param loyaltyTier none, silver, gold or platinum
 * @param signupDate signup day
 * @param marketingOptIn whether the customer accepts marketing
 * @param updatedAt when the current CRM version took effect
 * @param totals running totals of the latest feature snapshot, or null
 * @param activity behaviour in the latest feature snapshot, or null
 * @param segment the latest RFM segment and lifetime value, or null
 * @param churn the latest churn score, or null
 * @param personal personal identifiers, only with the PII scope
 * @param links drill-down: order lines, running totals
 */
public record CustomerProfile(
    String customerId,
    String state,
    String loyaltyTier,
    LocalDate signupDate,
    Boolean marketingOptIn,
    Instant updatedAt,
    RunningTotals.Snapshot totals,
    Activity activity,
    Segment segment,
    Churn churn,
    @JsonInclude(JsonInclude.Include.NON_NULL) Personal personal,
    Map<String, String> links) {

  /** A copy without personal identifiers. */
  CustomerProfile withoutPersonal() {
    return new CustomerProfile(
        customerId,
        state,
        loyaltyTier,
        signupDate,
        marketingOptIn,
        updatedAt,
        totals,
        activity,
        segment,
        churn,
        null,
        links);
  }

  /**
   * Behaviour in the latest feature snapshot.
   *
   * @param recencyDays days since the last order, or null without orders
   * @param returnsCount returns to date
   * @param returnRate units returned / units bought, or null
   * @param sessions30d web sessions in the last 30 days
   * @param browseToBuy30d share of those sessions with a purchase, or null
   */
  public record Activity(
      Integer recencyDays,
      int returnsCount,
      Double returnRate,
      int sessions30d,
      Double browseToBuy30d) {}

  /**
   * The latest segment ({@code analytics.customer_segments}).
   *
   * @param snapshotDate day of the snapshot
   * @param segment named segment
   * @param rfmCell recency, frequency and monetary scores, e.g. 545
   * @param ltvEstimate estimated lifetime value, USD
   */
  public record Segment(
      LocalDate snapshotDate, String segment, String rfmCell, BigDecimal ltvEstimate) {}

  /**
   * The latest churn score ({@code analytics.churn_scores}).
   *
   * @param score probability of churning
   * @param riskBand risk band
   * @param modelVersion model that scored
   * @param scoredAt when
   */
  public record Churn(double score, String riskBand, String modelVersion, Instant scoredAt) {}

  /**
   * Personal identifiers, shown only with the PII scope. The warehouse never holds raw names,
   * emails or phone numbers: silver tokenizes and hashes them, so these are the pseudonymous tokens
   * and keyed hashes (still personal data, re-identifiable with the token vault or the hash key)
   * and the quasi-identifiers city, zip and birth-year band.
   *
   * @param firstNameToken token of the first name
   * @param lastNameToken token of the last name
   * @param emailHash keyed hash of the email
   * @param phoneHash keyed hash of the phone number
   * @param birthYearBand decade of birth
   * @param city city
   * @param zip zip code
   */
  public record Personal(
      String firstNameToken,
      String lastNameToken,
      String emailHash,
      String phoneHash,
      String birthYearBand,
      String city,
      String zip) {}
}

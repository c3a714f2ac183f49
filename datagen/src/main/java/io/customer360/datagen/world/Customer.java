package io.customer360.datagen.world;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One simulated customer: CRM attributes in their clean form (exports render them messily) and the
 * latent traits that drive behaviour. A CRM change yields a new instance with a later {@code
 * updatedAt}.
 *
 * @param index position in the population, 0-based
 * @param id CRM customer id
 * @param firstName given name
 * @param lastName family name
 * @param email canonical lower-case email
 * @param phoneDigits ten-digit US phone number
 * @param dateOfBirth date of birth
 * @param street street address
 * @param area home zip code and place
 * @param signupDate when the customer registered
 * @param loyaltyTier none, silver, gold or platinum
 * @param marketingOptIn whether the customer accepts marketing
 * @param updatedAt when the CRM record last changed
 * @param traits behavioural traits, never exported
 */
public record Customer(
    int index,
    String id,
    String firstName,
    String lastName,
    String email,
    String phoneDigits,
    LocalDate dateOfBirth,
    String street,
    ZipArea area,
    LocalDate signupDate,
    String loyaltyTier,
    boolean marketingOptIn,
    Instant updatedAt,
    Traits traits) {

  /**
   * Latent behaviour of a customer.
   *
   * @param engagement relative visit frequency, mean about 1
   * @param buyPropensity 0..1 tendency to complete a purchase
   * @param priceSensitivity 0..1 how strongly coupons and price drive buying
   * @param returnPropensity 0..1 tendency to return items
   * @param adAffinity 0..1 tendency to click ads
   * @param satisfactionBias added to support satisfaction ratings
   * @param favoriteCategory index of the preferred product category
   * @param device preferred device: web, ios or android
   * @param frailty standard-normal churn noise, unobservable
   * @param ip client IP address
   * @param anonymousId device cookie id
   */
  public record Traits(
      double engagement,
      double buyPropensity,
      double priceSensitivity,
      double returnPropensity,
      double adAffinity,
      double satisfactionBias,
      int favoriteCategory,
      String device,
      double frailty,
      String ip,
      String anonymousId) {}

  /** A copy with another loyalty tier, email and update time. */
  public Customer changed(String newTier, String newEmail, Instant when) {
    return new Customer(
        index,
        id,
        firstName,
        lastName,
        newEmail,
        phoneDigits,
        dateOfBirth,
        street,
        area,
        signupDate,
        newTier,
        marketingOptIn,
        when,
        traits);
  }
}

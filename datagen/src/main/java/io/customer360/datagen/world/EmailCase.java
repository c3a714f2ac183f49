package io.customer360.datagen.world;

import java.util.Locale;
import java.util.SplittableRandom;

/** Renders an email in the mixed case real systems hold it in. */
public final class EmailCase {

  private EmailCase() {}

  /** The email as typed: lower, upper, capitalized local part, or capitalized domain. */
  public static String render(String email, SplittableRandom rng) {
    int at = email.indexOf('@');
    return switch (rng.nextInt(6)) {
      case 0 -> email.toUpperCase(Locale.ROOT);
      case 1 -> Character.toUpperCase(email.charAt(0)) + email.substring(1);
      case 2 -> email.substring(0, at) + email.substring(at).toUpperCase(Locale.ROOT);
      default -> email;
    };
  }
}

package io.customer360.datagen.world;

import io.customer360.datagen.random.Draw;
import io.customer360.datagen.random.Seeds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Creates the customer population, each customer from its own random stream. */
public final class CustomerFactory {

  private static final String[] FIRST =
      "Ava,Liam,Olivia,Noah,Emma,Elijah,Sophia,James,Mia,Lucas,Amelia,Mateo,Harper,Levi,Evelyn,Ethan,Luna,Mason,Chloe,Logan,Aria,Jackson,Zoe,Aiden,Nora,Wei,Priya,Diego,Fatima,Kenji"
          .split(",");
  private static final String[] LAST =
      "Smith,Johnson,Williams,Brown,Jones,Garcia,Miller,Davis,Rodriguez,Martinez,Hernandez,Lopez,Gonzalez,Wilson,Anderson,Thomas,Taylor,Moore,Jackson,Martin,Lee,Nguyen,Patel,Kim,O'Brien,Schmidt,Rossi,Cohen,Okafor,Silva"
          .split(",");
  private static final String[] STREETS =
      "Main St,Oak Ave,Maple Dr,Cedar Ln,Pine St,Elm St,Washington Blvd,Lake Rd,Hill St,Park Ave"
          .split(",");
  private static final String[] DOMAINS =
      "example.com,mail.example.org,inbox.example.net,post.example.com".split(",");
  private static final String[] DEVICES = {"web", "web", "web", "ios", "android"};

  private final Seeds seeds;
  private final LocalDate startDate;
  private final int categories;

  public CustomerFactory(Seeds seeds, LocalDate startDate, int categories) {
    this.seeds = seeds;
    this.startDate = startDate;
    this.categories = categories;
  }

  /** The customer at this index. */
  public Customer create(int index) {
    SplittableRandom rng = seeds.stream("customer", index);
    String first = Draw.pick(rng, FIRST);
    String last = Draw.pick(rng, LAST);
    String id = String.format(Locale.ROOT, "C%07d", index + 1);
    String email =
        (first + "." + last.replace("'", "") + (index + 1) + "@" + Draw.pick(rng, DOMAINS))
            .toLowerCase(Locale.ROOT);
    String phone =
        String.format(
            Locale.ROOT, "%d%02d555%04d", 2 + rng.nextInt(8), rng.nextInt(100), rng.nextInt(10000));
    LocalDate dob = startDate.minusYears(18 + rng.nextInt(60)).minusDays(rng.nextInt(365));
    String street = (1 + rng.nextInt(9899)) + " " + Draw.pick(rng, STREETS);
    List<ZipArea> zips = ZipAreas.all();
    ZipArea area = zips.get(rng.nextInt(zips.size()));
    LocalDate signup = startDate.minusDays(1 + rng.nextInt(5 * 365));
    String tier = tier(rng.nextDouble());
    boolean optIn = rng.nextDouble() < 0.6;
    Instant updated =
        signup.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(rng.nextInt(86_400));
    return new Customer(
        index,
        id,
        first,
        last,
        email,
        phone,
        dob,
        street,
        area,
        signup,
        tier,
        optIn,
        updated,
        traits(rng, index));
  }

  private Customer.Traits traits(SplittableRandom rng, int index) {
    double engagement = Math.exp(0.6 * Draw.gaussian(rng) - 0.18);
    return new Customer.Traits(
        engagement,
        0.15 + 0.5 * rng.nextDouble(),
        rng.nextDouble(),
        0.02 + 0.2 * rng.nextDouble() * rng.nextDouble(),
        0.05 + 0.4 * rng.nextDouble(),
        0.8 * Draw.gaussian(rng),
        rng.nextInt(categories),
        Draw.pick(rng, DEVICES),
        Draw.gaussian(rng),
        (rng.nextBoolean() ? "198.51.100." : "203.0.113.") + (1 + rng.nextInt(254)),
        "anon-" + Draw.hex(rng, 16));
  }

  static String tier(double u) {
    if (u < 0.55) {
      return "none";
    }
    if (u < 0.82) {
      return "silver";
    }
    return u < 0.95 ? "gold" : "platinum";
  }
}

package io.customer360.datagen.world;

import io.customer360.datagen.random.Seeds;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** The campaigns of a run: about one new campaign a week, the first running from day one. */
public final class Campaigns {

  private static final String[][] CHANNELS = {
    {"google", "cpc"}, {"facebook", "social"}, {"instagram", "social"}, {"newsletter", "email"}
  };

  private Campaigns() {}

  /** The campaigns of a run of this many days. */
  public static List<Campaign> plan(Seeds seeds, int days, int categories) {
    SplittableRandom rng = seeds.stream("campaigns");
    int count = Math.max(3, days / 7 + 2);
    List<Campaign> campaigns = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String[] channel = CHANNELS[i % CHANNELS.length];
      int category = rng.nextInt(categories);
      int first = i == 0 ? 0 : rng.nextInt(Math.max(1, days));
      int last = first + 3 + rng.nextInt(12);
      int percent = 5 * (1 + rng.nextInt(4));
      String slug = String.format(Locale.ROOT, "promo-%02d", i + 1);
      campaigns.add(
          new Campaign(
              String.format(Locale.ROOT, "CMP%03d", i + 1),
              channel[0],
              channel[1],
              slug,
              category,
              String.format(Locale.ROOT, "SAVE%d-%02d", percent, i + 1),
              BigDecimal.valueOf(percent),
              first,
              last));
    }
    return List.copyOf(campaigns);
  }
}

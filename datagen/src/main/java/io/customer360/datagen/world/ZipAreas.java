package io.customer360.datagen.world;

import java.util.List;

/** The fixed set of zip codes the simulated business serves. */
public final class ZipAreas {

  private static final List<ZipArea> ALL =
      List.of(
          new ZipArea("02139", "Cambridge", "MA", 42.36, 0.45),
          new ZipArea("07030", "Hoboken", "NJ", 40.74, 0.45),
          new ZipArea("10001", "New York", "NY", 40.75, 0.45),
          new ZipArea("11201", "Brooklyn", "NY", 40.69, 0.45),
          new ZipArea("19104", "Philadelphia", "PA", 39.96, 0.42),
          new ZipArea("20001", "Washington", "DC", 38.91, 0.40),
          new ZipArea("27601", "Raleigh", "NC", 35.77, 0.40),
          new ZipArea("30303", "Atlanta", "GA", 33.75, 0.42),
          new ZipArea("33101", "Miami", "FL", 25.78, 0.50),
          new ZipArea("37203", "Nashville", "TN", 36.15, 0.42),
          new ZipArea("44113", "Cleveland", "OH", 41.48, 0.45),
          new ZipArea("48201", "Detroit", "MI", 42.35, 0.42),
          new ZipArea("55401", "Minneapolis", "MN", 44.98, 0.35),
          new ZipArea("60601", "Chicago", "IL", 41.88, 0.40),
          new ZipArea("63101", "St. Louis", "MO", 38.63, 0.38),
          new ZipArea("70112", "New Orleans", "LA", 29.96, 0.50),
          new ZipArea("75201", "Dallas", "TX", 32.79, 0.30),
          new ZipArea("78701", "Austin", "TX", 30.27, 0.28),
          new ZipArea("80202", "Denver", "CO", 39.75, 0.25),
          new ZipArea("85004", "Phoenix", "AZ", 33.45, 0.10),
          new ZipArea("89101", "Las Vegas", "NV", 36.17, 0.08),
          new ZipArea("94103", "San Francisco", "CA", 37.77, 0.30),
          new ZipArea("97205", "Portland", "OR", 45.52, 0.60),
          new ZipArea("98101", "Seattle", "WA", 47.61, 0.62));

  private ZipAreas() {}

  /** Every served zip code, in a fixed order. */
  public static List<ZipArea> all() {
    return ALL;
  }
}

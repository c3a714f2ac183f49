package io.customer360.transform.silver;

import java.util.List;
import java.util.Map;

/**
 * Where silver tables and their partitions are registered with their business metadata, so they can
 * be found and queried: the port silver promotion calls after writing. The {@code catalog} package
 * implements it (the Glue Data Catalog in AWS, JSON documents in the lake locally); it lives here
 * so that silver does not depend on its implementations.
 */
public interface SilverCatalog {

  /**
   * Registers a silver table (creating or updating it) and the partitions just written.
   *
   * @param dataset the dataset, whose contract describes the table
   * @param partitions partitions just rewritten, as folder paths ({@code
   *     event_date=…[/event_hour=…]})
   * @param files the silver objects of each rewritten partition
   * @throws RuntimeException when registration failed; the promotion is then retried
   */
  void register(String dataset, List<String> partitions, Map<String, List<String>> files);
}

package io.customer360.transform.catalog;

import io.customer360.common.contract.ContractRegistry;
import io.customer360.transform.silver.SilverCatalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.PartitionError;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * Registers silver tables in the AWS Glue Data Catalog, where Athena and Redshift Spectrum find
 * them: each dataset is an external Parquet table of the configured database ({@link GlueTables}),
 * created when missing and updated when its definition differs, and each written partition is added
 * with BatchCreatePartition. A partition's location never changes, so one that exists is left as it
 * is. Each table is checked once per process while its definition stays the same.
 */
public class GlueCatalog implements SilverCatalog {

  private static final Logger log = LoggerFactory.getLogger(GlueCatalog.class);

  /** BatchCreatePartition accepts at most this many partitions per call. */
  static final int PARTITIONS_PER_CALL = 100;

  private static final String ALREADY_EXISTS = "AlreadyExistsException";

  private final GlueClient glue;
  private final String database;
  private final ContractRegistry contracts;
  private final String bucket;
  private final ConcurrentMap<String, TableInput> current = new ConcurrentHashMap<>();

  /**
   * @param glue the Glue client
   * @param database the Glue database silver tables belong to; it must exist
   * @param contracts the dataset contracts describing the tables
   * @param bucket the lake bucket holding the silver files
   */
  public GlueCatalog(GlueClient glue, String database, ContractRegistry contracts, String bucket) {
    this.glue = glue;
    this.database = database;
    this.contracts = contracts;
    this.bucket = bucket;
  }

  /** The Glue database tables are registered in. */
  public String database() {
    return database;
  }

  @Override
  public void register(String dataset, List<String> partitions, Map<String, List<String>> files) {
    SilverTable table = SilverTable.of(contracts.get(dataset), bucket);
    TableInput wanted = GlueTables.tableInput(table);
    if (!wanted.equals(current.get(dataset))) {
      ensureTable(wanted);
      current.put(dataset, wanted);
    }
    List<PartitionInput> inputs =
        partitions.stream().map(p -> GlueTables.partitionInput(table, p)).toList();
    for (List<PartitionInput> chunk : GlueTables.chunks(inputs, PARTITIONS_PER_CALL)) {
      createPartitions(dataset, chunk);
    }
  }

  private void ensureTable(TableInput wanted) {
    Optional<Table> existing = table(wanted.name());
    if (existing.isEmpty()) {
      if (create(wanted)) {
        log.info("Glue table created table={}.{}", database, wanted.name());
        return;
      }
      // Another instance created it first: compare with what it created.
      existing = table(wanted.name());
    }
    Table table =
        existing.orElseThrow(
            () -> failure("create table", wanted.name(), "it exists and then does not", null));
    TableInput update = GlueTables.keepingOtherParameters(wanted, table);
    if (!update.equals(GlueTables.definitionOf(table))) {
      try {
        glue.updateTable(b -> b.databaseName(database).tableInput(update));
      } catch (SdkException e) {
        throw failure("update table", wanted.name(), e.getMessage(), e);
      }
      log.info("Glue table updated table={}.{}", database, wanted.name());
    }
  }

  private Optional<Table> table(String name) {
    try {
      return Optional.of(glue.getTable(b -> b.databaseName(database).name(name)).table());
    } catch (EntityNotFoundException e) {
      // The table, or the whole database: creating the table then says which.
      return Optional.empty();
    } catch (SdkException e) {
      throw failure("get table", name, e.getMessage(), e);
    }
  }

  /** Creates a table; false when it exists already. */
  private boolean create(TableInput table) {
    try {
      glue.createTable(b -> b.databaseName(database).tableInput(table));
      return true;
    } catch (AlreadyExistsException e) {
      return false;
    } catch (SdkException e) {
      throw failure("create table", table.name(), e.getMessage(), e);
    }
  }

  private void createPartitions(String table, List<PartitionInput> partitions) {
    BatchCreatePartitionResponse response;
    try {
      response =
          glue.batchCreatePartition(
              b -> b.databaseName(database).tableName(table).partitionInputList(partitions));
    } catch (SdkException e) {
      throw failure("create partitions", table, e.getMessage(), e);
    }
    List<String> failures =
        response.errors().stream()
            .filter(
                e -> e.errorDetail() == null || !ALREADY_EXISTS.equals(e.errorDetail().errorCode()))
            .map(GlueCatalog::describe)
            .toList();
    if (!failures.isEmpty()) {
      throw failure(
          "create partitions",
          table,
          String.join("; ", failures)
              + "; the silver files are written, these partitions are missing from the catalog",
          null);
    }
    log.debug(
        "Glue partitions registered table={}.{} partitions={} existing={}",
        database,
        table,
        partitions.size(),
        response.errors().size());
  }

  private static String describe(PartitionError error) {
    String values = String.join("/", error.partitionValues());
    return error.errorDetail() == null
        ? values + " (no detail)"
        : values
            + " "
            + error.errorDetail().errorCode()
            + ": "
            + error.errorDetail().errorMessage();
  }

  private GlueCatalogException failure(
      String operation, String table, String reason, SdkException cause) {
    return new GlueCatalogException(
        "Glue "
            + operation
            + " failed for table "
            + database
            + "."
            + table
            + ": "
            + reason
            + " (check that the database exists and that this service's role may use it)",
        cause);
  }

  /** A Glue call failed or refused a partition; the promotion that registered it is retried. */
  public static final class GlueCatalogException extends RuntimeException {
    GlueCatalogException(String message, SdkException cause) {
      super(message, cause);
    }
  }
}

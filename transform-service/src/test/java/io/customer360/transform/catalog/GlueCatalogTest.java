package io.customer360.transform.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customer360.common.contract.ContractRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.CreateTableRequest;
import software.amazon.awssdk.services.glue.model.CreateTableResponse;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.ErrorDetail;
import software.amazon.awssdk.services.glue.model.GetTableRequest;
import software.amazon.awssdk.services.glue.model.GetTableResponse;
import software.amazon.awssdk.services.glue.model.PartitionError;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;
import software.amazon.awssdk.services.glue.model.UpdateTableRequest;
import software.amazon.awssdk.services.glue.model.UpdateTableResponse;

/**
 * Which Glue calls {@link GlueCatalog} makes and how it reads their answers. The client below only
 * records requests and returns scripted answers; it is not a Glue emulator, so what Glue itself
 * accepts is not tested here (the inputs are checked in {@link GlueTablesTest}).
 */
class GlueCatalogTest {

  private static final ContractRegistry CONTRACTS = ContractRegistry.loadDefault();
  private static final String DAY = "event_date=2026-01-02";
  private static final String HOUR = "event_date=2026-01-02/event_hour=07";

  private final ScriptedGlue glue = new ScriptedGlue();
  private final GlueCatalog catalog = new GlueCatalog(glue, "c360_lake", CONTRACTS, "c360-lake");

  @Test
  void createsAMissingTableThenItsPartitions() {
    catalog.register("weblog", List.of(HOUR), Map.of());

    assertThat(glue.calls)
        .containsExactly("getTable weblog", "createTable weblog", "batchCreatePartition weblog 1");
    assertThat(glue.created.get(0).databaseName()).isEqualTo("c360_lake");
    assertThat(glue.created.get(0).tableInput())
        .isEqualTo(GlueTables.tableInput(SilverTable.of(CONTRACTS.get("weblog"), "c360-lake")));
    assertThat(glue.partitions.get(0).partitionInputList().get(0).values())
        .containsExactly("2026-01-02", "07");
  }

  @Test
  void leavesAnEqualTableAloneAndChecksItOncePerProcess() {
    glue.existing = asCreated("orders");

    catalog.register("orders", List.of(DAY), Map.of());
    catalog.register("orders", List.of(DAY), Map.of());

    assertThat(glue.calls)
        .containsExactly(
            "getTable orders", "batchCreatePartition orders 1", "batchCreatePartition orders 1");
  }

  @Test
  void updatesATableWhoseDefinitionDiffers() {
    Table created = asCreated("orders");
    glue.existing = created.toBuilder().owner("someone-else").build();

    catalog.register("orders", List.of(), Map.of());

    assertThat(glue.calls).containsExactly("getTable orders", "updateTable orders");
    assertThat(glue.updated.get(0).tableInput().owner()).isEqualTo(CONTRACTS.get("orders").owner());
  }

  @Test
  void aTableAnotherInstanceCreatedFirstIsComparedNotRecreated() {
    glue.createAnswer = AlreadyExistsException.builder().message("Table already exists.").build();
    glue.existingAfterCreate = asCreated("orders");

    catalog.register("orders", List.of(), Map.of());

    assertThat(glue.calls)
        .containsExactly("getTable orders", "createTable orders", "getTable orders");
  }

  @Test
  void partitionsThatExistAlreadyAreFineOtherRefusalsFailNamingThePartition() {
    glue.existing = asCreated("orders");
    glue.partitionErrors = List.of(error("2026-01-02", "AlreadyExistsException"));
    catalog.register("orders", List.of(DAY), Map.of());

    glue.partitionErrors =
        List.of(
            error("2026-01-02", "AlreadyExistsException"),
            error("2026-01-03", "InvalidInputException"));
    assertThatThrownBy(
            () -> catalog.register("orders", List.of(DAY, "event_date=2026-01-03"), Map.of()))
        .isInstanceOf(GlueCatalog.GlueCatalogException.class)
        .hasMessageContaining("c360_lake.orders")
        .hasMessageContaining("2026-01-03 InvalidInputException")
        .hasMessageNotContaining("2026-01-02");
  }

  @Test
  void aMissingDatabaseFailsSayingWhatToCheck() {
    glue.createAnswer =
        EntityNotFoundException.builder().message("Database c360_lake not found.").build();

    assertThatThrownBy(() -> catalog.register("orders", List.of(DAY), Map.of()))
        .isInstanceOf(GlueCatalog.GlueCatalogException.class)
        .hasMessageContaining("create table failed for table c360_lake.orders")
        .hasMessageContaining("Database c360_lake not found")
        .hasMessageContaining("check that the database exists");
    assertThat(glue.calls).doesNotContain("batchCreatePartition orders 1");
  }

  @Test
  void manyPartitionsAreSentInBatchesOfAHundred() {
    glue.existing = asCreated("orders");
    List<String> days =
        IntStream.range(0, 250)
            .mapToObj(i -> "event_date=" + java.time.LocalDate.of(2025, 1, 1).plusDays(i))
            .toList();

    catalog.register("orders", days, Map.of());

    assertThat(glue.calls)
        .containsExactly(
            "getTable orders",
            "batchCreatePartition orders 100",
            "batchCreatePartition orders 100",
            "batchCreatePartition orders 50");
  }

  private static Table asCreated(String dataset) {
    TableInput input = GlueTables.tableInput(SilverTable.of(CONTRACTS.get(dataset), "c360-lake"));
    return Table.builder()
        .name(input.name())
        .databaseName("c360_lake")
        .description(input.description())
        .owner(input.owner())
        .tableType(input.tableType())
        .parameters(input.parameters())
        .partitionKeys(input.partitionKeys())
        .storageDescriptor(input.storageDescriptor().toBuilder().numberOfBuckets(-1).build())
        .build();
  }

  private static PartitionError error(String value, String code) {
    return PartitionError.builder()
        .partitionValues(value)
        .errorDetail(
            ErrorDetail.builder().errorCode(code).errorMessage(code + " for " + value).build())
        .build();
  }

  /**
   * Records requests and answers as scripted; a table exists only when {@link #existing} is set.
   */
  private static final class ScriptedGlue implements GlueClient {

    private final List<String> calls = new ArrayList<>();
    private final List<CreateTableRequest> created = new ArrayList<>();
    private final List<UpdateTableRequest> updated = new ArrayList<>();
    private final List<BatchCreatePartitionRequest> partitions = new ArrayList<>();
    private Table existing;
    private Table existingAfterCreate;
    private RuntimeException createAnswer;
    private List<PartitionError> partitionErrors = List.of();

    @Override
    public GetTableResponse getTable(GetTableRequest request) {
      calls.add("getTable " + request.name());
      if (existing == null) {
        throw EntityNotFoundException.builder()
            .message("Table " + request.name() + " not found.")
            .build();
      }
      return GetTableResponse.builder().table(existing).build();
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest request) {
      calls.add("createTable " + request.tableInput().name());
      created.add(request);
      if (createAnswer != null) {
        existing = existingAfterCreate;
        throw createAnswer;
      }
      return CreateTableResponse.builder().build();
    }

    @Override
    public UpdateTableResponse updateTable(UpdateTableRequest request) {
      calls.add("updateTable " + request.tableInput().name());
      updated.add(request);
      return UpdateTableResponse.builder().build();
    }

    @Override
    public BatchCreatePartitionResponse batchCreatePartition(BatchCreatePartitionRequest request) {
      calls.add(
          "batchCreatePartition "
              + request.tableName()
              + " "
              + request.partitionInputList().size());
      partitions.add(request);
      return BatchCreatePartitionResponse.builder().errors(partitionErrors).build();
    }

    @Override
    public String serviceName() {
      return "glue";
    }

    @Override
    public void close() {}
  }
}

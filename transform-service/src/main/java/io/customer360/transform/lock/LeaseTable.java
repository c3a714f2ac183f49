package io.customer360.transform.lock;

import io.customer360.common.aws.DynamoTables;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The lease items in DynamoDB, one per locked name:
 *
 * <ul>
 *   <li>{@code id} (partition key): what is locked, e.g. {@code silver#clickstream};
 *   <li>{@code owner}: the instance holding the lease;
 *   <li>{@code expires_at}: when the lease ends unless renewed, in epoch seconds (the table's TTL
 *       attribute, so DynamoDB removes leases nobody released);
 *   <li>{@code acquired_at}: when the owner took it (ISO-8601), for people reading the table.
 * </ul>
 *
 * Every write is conditional: taken when absent, expired or already the caller's; renewed and
 * deleted only by the owner. SDK failures become {@link DatasetLockException.TableFailure}s.
 */
final class LeaseTable {

  static final String ID = "id";
  static final String OWNER = "owner";
  static final String EXPIRES_AT = "expires_at";
  static final String ACQUIRED_AT = "acquired_at";

  private static final Map<String, String> NAMES =
      Map.of("#id", ID, "#owner", OWNER, "#expires", EXPIRES_AT);

  private final DynamoDbClient dynamo;
  private final String table;
  private volatile boolean tableReady;

  LeaseTable(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  String name() {
    return table;
  }

  /** Who holds a lease the caller could not take, as far as the refused write reported it. */
  record Holder(String owner, Instant expiresAt) {}

  /**
   * Takes the lease {@code id} for {@code owner} until {@code expiresAt} (epoch seconds) when it is
   * absent, expired at {@code nowSeconds}, or already the owner's.
   *
   * @return empty when taken, else the current holder
   */
  Optional<Holder> tryAcquire(String id, String owner, long nowSeconds, long expiresAt) {
    ensureTable();
    try {
      dynamo.putItem(
          b ->
              b.tableName(table)
                  .item(
                      Map.of(
                          ID, s(id),
                          OWNER, s(owner),
                          EXPIRES_AT, n(expiresAt),
                          ACQUIRED_AT, s(Instant.ofEpochSecond(nowSeconds).toString())))
                  .conditionExpression(
                      "attribute_not_exists(#id) OR #expires < :now OR #owner = :me")
                  .expressionAttributeNames(NAMES)
                  .expressionAttributeValues(Map.of(":now", n(nowSeconds), ":me", s(owner)))
                  .returnValuesOnConditionCheckFailure(
                      ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return Optional.empty();
    } catch (ConditionalCheckFailedException e) {
      return Optional.of(holder(e.item()));
    } catch (SdkException e) {
      throw new DatasetLockException.TableFailure(table, "acquire", id, e);
    }
  }

  /** Moves the lease's end to {@code expiresAt} if {@code owner} still holds it. */
  boolean renew(String id, String owner, long expiresAt) {
    ensureTable();
    try {
      dynamo.updateItem(
          b ->
              b.tableName(table)
                  .key(Map.of(ID, s(id)))
                  .updateExpression("SET #expires = :expires")
                  .conditionExpression("#owner = :me")
                  .expressionAttributeNames(Map.of("#owner", OWNER, "#expires", EXPIRES_AT))
                  .expressionAttributeValues(Map.of(":expires", n(expiresAt), ":me", s(owner))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    } catch (SdkException e) {
      throw new DatasetLockException.TableFailure(table, "renew", id, e);
    }
  }

  /** Deletes the lease if {@code owner} still holds it; whether it did. */
  boolean release(String id, String owner) {
    ensureTable();
    try {
      dynamo.deleteItem(
          b ->
              b.tableName(table)
                  .key(Map.of(ID, s(id)))
                  .conditionExpression("#owner = :me")
                  .expressionAttributeNames(Map.of("#owner", OWNER))
                  .expressionAttributeValues(Map.of(":me", s(owner))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    } catch (SdkException e) {
      throw new DatasetLockException.TableFailure(table, "release", id, e);
    }
  }

  /**
   * Creates the table on first use where it does not exist (local platform, tests; the AWS
   * deployment declares it, so there only {@code DescribeTable} is called). Lazy, so start-up
   * checks run before any AWS call.
   */
  private void ensureTable() {
    if (tableReady) {
      return;
    }
    try {
      dynamo.describeTable(b -> b.tableName(table));
    } catch (ResourceNotFoundException missing) {
      create();
    } catch (SdkException e) {
      throw new DatasetLockException.TableFailure(table, "describe", table, e);
    }
    tableReady = true;
  }

  private void create() {
    try {
      if (DynamoTables.createIfMissing(dynamo, table, ID)) {
        dynamo.updateTimeToLive(
            b ->
                b.tableName(table)
                    .timeToLiveSpecification(t -> t.enabled(true).attributeName(EXPIRES_AT)));
      }
    } catch (SdkException e) {
      throw new DatasetLockException.TableFailure(table, "create", table, e);
    }
  }

  private static Holder holder(Map<String, AttributeValue> item) {
    if (item == null || !item.containsKey(OWNER)) {
      return new Holder("unknown", null);
    }
    AttributeValue expires = item.get(EXPIRES_AT);
    return new Holder(
        item.get(OWNER).s(),
        expires == null ? null : Instant.ofEpochSecond(Long.parseLong(expires.n())));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}

package io.customer360.ingestion.batchdrop;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Remembers, in DynamoDB, every landing file handled and every content claimed, so that event
 * notifications, rescans and competing instances ingest a file once. Two kinds of item:
 *
 * <ul>
 *   <li>{@code landing#<key>#<etag>}: this version of this landing object is handled; the rescan
 *       skips it without downloading.
 *   <li>{@code content#<dataset>#<name>#<sha256>}: the bronze key this content was given, claimed
 *       with a conditional write; {@code PENDING} until written and announced, so a crash in
 *       between is finished by the next attempt with the same key.
 * </ul>
 */
public final class IngestLedger {

  private static final String ID = "id";
  private static final String STATUS = "status";
  private static final String RESULT_KEY = "result_key";
  private static final String OUTCOME = "outcome";
  private static final String PENDING = "PENDING";
  private static final String DONE = "DONE";

  private final DynamoDbClient dynamo;
  private final String table;
  private volatile boolean tableReady;

  public IngestLedger(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /**
   * Creates the table on first use where it does not exist yet (the AWS deployment creates it up
   * front). Lazy, so that start-up checks such as contract validation run before any AWS call.
   */
  private void ensureTable() {
    if (tableReady) {
      return;
    }
    try {
      dynamo.createTable(
          b ->
              b.tableName(table)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .keySchema(k -> k.attributeName(ID).keyType(KeyType.HASH))
                  .attributeDefinitions(
                      a -> a.attributeName(ID).attributeType(ScalarAttributeType.S)));
      dynamo.waiter().waitUntilTableExists(b -> b.tableName(table));
    } catch (ResourceInUseException e) {
      // already there
    }
    tableReady = true;
  }

  /** Whether this version of a landing object was already handled. */
  public boolean isHandled(LandingObject object) {
    ensureTable();
    return dynamo
        .getItem(b -> b.tableName(table).key(key(landingId(object))).consistentRead(true))
        .hasItem();
  }

  /** Records that a landing object was handled, and how. */
  public void markHandled(LandingObject object, String outcome, String resultKey) {
    ensureTable();
    dynamo.putItem(
        b ->
            b.tableName(table)
                .item(
                    Map.of(
                        ID, s(landingId(object)),
                        STATUS, s(DONE),
                        OUTCOME, s(outcome),
                        RESULT_KEY, s(resultKey))));
  }

  /**
   * Claims a content id for {@code proposedKey}, or returns the earlier claim: its key, and whether
   * that earlier ingestion finished.
   */
  public ContentClaim claimContent(String contentId, String proposedKey) {
    ensureTable();
    try {
      dynamo.putItem(
          b ->
              b.tableName(table)
                  .item(Map.of(ID, s(contentId), STATUS, s(PENDING), RESULT_KEY, s(proposedKey)))
                  .conditionExpression("attribute_not_exists(" + ID + ")"));
      return new ContentClaim(proposedKey, false);
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> item =
          dynamo.getItem(b -> b.tableName(table).key(key(contentId)).consistentRead(true)).item();
      return new ContentClaim(item.get(RESULT_KEY).s(), DONE.equals(item.get(STATUS).s()));
    }
  }

  /** Marks claimed content as written and announced. */
  public void completeContent(String contentId) {
    ensureTable();
    dynamo.updateItem(
        b ->
            b.tableName(table)
                .key(key(contentId))
                .updateExpression("SET #s = :done")
                .expressionAttributeNames(Map.of("#s", STATUS))
                .expressionAttributeValues(Map.of(":done", s(DONE))));
  }

  /**
   * The outcome of a content claim.
   *
   * @param resultKey the bronze key the content has
   * @param alreadyDone whether an earlier ingestion wrote and announced it
   */
  public record ContentClaim(String resultKey, boolean alreadyDone) {}

  private static String landingId(LandingObject object) {
    return "landing#" + object.key() + "#" + object.eTag();
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of(ID, s(id));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}

package io.customer360.ingestion.batchdrop;

import io.customer360.common.aws.DynamoTables;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Remembers, in DynamoDB, every landing file handled and every content claimed, so that event
 * notifications, rescans and competing instances ingest a file once. Two kinds of item:
 *
 * <ul>
 *   <li>{@code landing#<key>#<etag>}: this version of this landing object is handled; the rescan
 *       skips it without downloading.
 *   <li>{@code content#<dataset>#<name>#<sha256>}: the bronze key this content was given, claimed
 *       with a conditional write and the claim's time; {@code PENDING} until written and announced.
 *       While a claim is fresh, other deliveries of the same content leave it to its owner; a claim
 *       older than the stale age (its owner crashed) is taken over, again with a conditional write,
 *       and finished under the same key.
 * </ul>
 */
public final class IngestLedger {

  private static final String ID = "id";
  private static final String STATUS = "status";
  private static final String RESULT_KEY = "result_key";
  private static final String OUTCOME = "outcome";
  private static final String CLAIMED_AT = "claimed_at";
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
    DynamoTables.createIfMissing(dynamo, table, ID);
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
   * Claims a content id for {@code proposedKey} at {@code now}, or reports the earlier claim: done,
   * in progress elsewhere, or stale (older than {@code staleAfter}) and now taken over.
   */
  public ContentClaim claimContent(
      String contentId, String proposedKey, Instant now, Duration staleAfter) {
    ensureTable();
    AttributeValue claimedAt = AttributeValue.fromN(Long.toString(now.toEpochMilli()));
    try {
      dynamo.putItem(
          b ->
              b.tableName(table)
                  .item(
                      Map.of(
                          ID,
                          s(contentId),
                          STATUS,
                          s(PENDING),
                          RESULT_KEY,
                          s(proposedKey),
                          CLAIMED_AT,
                          claimedAt))
                  .conditionExpression("attribute_not_exists(" + ID + ")"));
      return new ContentClaim(proposedKey, ClaimState.CLAIMED);
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> item =
          dynamo.getItem(b -> b.tableName(table).key(key(contentId)).consistentRead(true)).item();
      String resultKey = item.get(RESULT_KEY).s();
      if (DONE.equals(item.get(STATUS).s())) {
        return new ContentClaim(resultKey, ClaimState.DONE);
      }
      AttributeValue previous = item.get(CLAIMED_AT);
      long previousMillis = previous == null ? 0 : Long.parseLong(previous.n());
      if (now.toEpochMilli() - previousMillis < staleAfter.toMillis()) {
        return new ContentClaim(resultKey, ClaimState.IN_PROGRESS);
      }
      return takeOver(contentId, resultKey, previous, claimedAt);
    }
  }

  /** Takes over a stale claim, unless another delivery took it over first. */
  private ContentClaim takeOver(
      String contentId, String resultKey, AttributeValue previous, AttributeValue claimedAt) {
    try {
      dynamo.updateItem(
          b ->
              b.tableName(table)
                  .key(key(contentId))
                  .updateExpression("SET #c = :now")
                  .conditionExpression(
                      "#s = :pending AND "
                          + (previous == null ? "attribute_not_exists(#c)" : "#c = :previous"))
                  .expressionAttributeNames(Map.of("#c", CLAIMED_AT, "#s", STATUS))
                  .expressionAttributeValues(
                      previous == null
                          ? Map.of(":now", claimedAt, ":pending", s(PENDING))
                          : Map.of(
                              ":now", claimedAt, ":pending", s(PENDING), ":previous", previous)));
      return new ContentClaim(resultKey, ClaimState.CLAIMED);
    } catch (ConditionalCheckFailedException e) {
      return new ContentClaim(resultKey, ClaimState.IN_PROGRESS);
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
   * @param state whether the caller now owns the content, or it is done or owned elsewhere
   */
  public record ContentClaim(String resultKey, ClaimState state) {}

  /** Who is to write claimed content. */
  public enum ClaimState {
    /** The caller: the claim is new, or a stale one it took over. */
    CLAIMED,
    /** Nobody: an earlier ingestion wrote and announced it. */
    DONE,
    /** Another delivery, whose claim is fresh. */
    IN_PROGRESS
  }

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

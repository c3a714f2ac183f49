package io.customer360.common.aws;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * What the services share about their DynamoDB coordination tables (the ingestion ledger, the
 * silver lock): creating one where the deployment did not (the local platform, tests; the AWS
 * deployment creates them up front), and the id a process writes as an owner.
 */
public final class DynamoTables {

  private DynamoTables() {}

  /**
   * Creates an on-demand table keyed by one string attribute unless it exists, then waits until it
   * is active (also when another process is creating it at the same moment).
   *
   * @return whether this call created it
   */
  public static boolean createIfMissing(DynamoDbClient dynamo, String table, String hashKey) {
    boolean created = true;
    try {
      dynamo.createTable(
          b ->
              b.tableName(table)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .keySchema(k -> k.attributeName(hashKey).keyType(KeyType.HASH))
                  .attributeDefinitions(
                      a -> a.attributeName(hashKey).attributeType(ScalarAttributeType.S)));
    } catch (ResourceInUseException e) {
      created = false;
    }
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(table));
    return created;
  }

  /**
   * An id for this process, unique per start and readable in lease tables and logs: the host name
   * plus a random suffix.
   */
  public static String newOwnerId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}

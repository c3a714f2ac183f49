package io.customer360.infra.aws;

import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.constructs.Construct;

/**
 * The whole deployment: every stack, created in dependency order and tagged {@code
 * project=customer360}.
 *
 * @param network VPC and security groups
 * @param lake lake bucket, key and Glue database
 * @param streaming Kinesis streams
 * @param messaging queues, dead-letter queues, landing notifications and ledger
 * @param warehouse Redshift Serverless
 * @param identity the Cognito user pool and app clients of the API
 * @param services the services on Fargate
 * @param api API Gateway
 * @param observability alarms, topic and dashboard
 */
public record Customer360Stacks(
    NetworkStack network,
    DataLakeStack lake,
    StreamingStack streaming,
    MessagingStack messaging,
    WarehouseStack warehouse,
    IdentityStack identity,
    ServicesStack services,
    ApiStack api,
    ObservabilityStack observability) {

  /** Stack name prefix. */
  public static final String PREFIX = "C360-";

  /**
   * Creates every stack in {@code scope}.
   *
   * @param environment the account and region, or {@code null} for an environment-agnostic
   *     synthesis
   */
  public static Customer360Stacks create(
      Construct scope, DeploymentSettings settings, Environment environment) {
    StackProps props = StackProps.builder().env(environment).build();
    NetworkStack network = new NetworkStack(scope, PREFIX + "Network", props);
    DataLakeStack lake = new DataLakeStack(scope, PREFIX + "DataLake", props);
    StreamingStack streaming = new StreamingStack(scope, PREFIX + "Streaming", props);
    MessagingStack messaging = new MessagingStack(scope, PREFIX + "Messaging", props);
    // The landing notification names the bucket by its derived name, not by reference.
    messaging.addStackDependency(lake, "landing notifications on the lake bucket");
    WarehouseStack warehouse =
        new WarehouseStack(scope, PREFIX + "Warehouse", props, network, lake);
    IdentityStack identity = new IdentityStack(scope, PREFIX + "Identity", props);
    ServicesStack services =
        new ServicesStack(
            scope,
            PREFIX + "Services",
            props,
            settings,
            new ServicesStack.Dependencies(
                network, lake, streaming, messaging, warehouse, identity));
    ApiStack api =
        new ApiStack(scope, PREFIX + "Api", props, settings, network, identity, services);
    ObservabilityStack observability =
        new ObservabilityStack(scope, PREFIX + "Observability", props, settings, messaging, api);
    Tags.of(scope).add("project", "customer360");
    return new Customer360Stacks(
        network, lake, streaming, messaging, warehouse, identity, services, api, observability);
  }
}

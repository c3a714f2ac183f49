package io.customer360.infra.aws;

import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.constructs.Construct;

/**
 * The VPC and the security groups between tiers: API Gateway's VPC link reaches the internal load
 * balancer, the load balancer reaches the HTTP services, the services reach the warehouse. The
 * groups live here, not in the stacks that use them, so that the rules between them create no cycle
 * between stacks.
 */
public final class NetworkStack extends Stack {

  /** Port the warehouse (Redshift) listens on. */
  public static final int WAREHOUSE_PORT = 5439;

  /** Port the internal load balancer listens on. */
  public static final int LOAD_BALANCER_PORT = 80;

  private final Vpc vpc;
  private final SecurityGroup apiLink;
  private final SecurityGroup loadBalancer;
  private final SecurityGroup services;
  private final SecurityGroup warehouse;

  public NetworkStack(Construct scope, String id, StackProps props) {
    super(scope, id, props);
    vpc =
        Vpc.Builder.create(this, "Vpc")
            .ipAddresses(IpAddresses.cidr("10.60.0.0/16"))
            .maxAzs(2)
            .natGateways(1)
            .subnetConfiguration(
                List.of(
                    subnet("public", SubnetType.PUBLIC),
                    subnet("private", SubnetType.PRIVATE_WITH_EGRESS)))
            .build();
    // Lake and lease-table traffic stays on the AWS network and off the NAT gateway.
    vpc.addGatewayEndpoint(
        "S3Endpoint",
        GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.S3).build());
    vpc.addGatewayEndpoint(
        "DynamoDbEndpoint",
        GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.DYNAMODB).build());

    apiLink = group("ApiLinkSecurityGroup", "API Gateway VPC link");
    loadBalancer = group("LoadBalancerSecurityGroup", "internal load balancer of the HTTP APIs");
    services = group("ServicesSecurityGroup", "platform services on Fargate");
    warehouse = group("WarehouseSecurityGroup", "Redshift Serverless workgroup");
    loadBalancer.addIngressRule(
        apiLink, Port.tcp(LOAD_BALANCER_PORT), "API Gateway VPC link to load balancer");
    services.addIngressRule(
        loadBalancer,
        Port.tcpRange(ServiceSpec.FIRST_PORT, ServiceSpec.LAST_PORT),
        "load balancer to services");
    warehouse.addIngressRule(services, Port.tcp(WAREHOUSE_PORT), "services to warehouse");
  }

  private static SubnetConfiguration subnet(String name, SubnetType type) {
    return SubnetConfiguration.builder().name(name).subnetType(type).cidrMask(20).build();
  }

  private SecurityGroup group(String id, String description) {
    return SecurityGroup.Builder.create(this, id)
        .vpc(vpc)
        .description(description)
        .allowAllOutbound(true)
        .build();
  }

  public Vpc vpc() {
    return vpc;
  }

  public SecurityGroup apiLinkSecurityGroup() {
    return apiLink;
  }

  public SecurityGroup loadBalancerSecurityGroup() {
    return loadBalancer;
  }

  public SecurityGroup servicesSecurityGroup() {
    return services;
  }

  public SecurityGroup warehouseSecurityGroup() {
    return warehouse;
  }
}

package io.customer360.infra.aws;

import io.customer360.common.lake.LakeZone;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.iam.CompositePrincipal;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.redshiftserverless.CfnNamespace;
import software.amazon.awscdk.services.redshiftserverless.CfnWorkgroup;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The warehouse: a Redshift Serverless namespace and workgroup in the private subnets, encrypted
 * with its own KMS key. The admin password is generated and kept in Secrets Manager by Redshift
 * itself; each service's database user has its own generated secret. Redshift reads the lake for
 * {@code COPY} through a role that can only read {@code gold/} and the loader's manifests.
 */
public final class WarehouseStack extends Stack {

  /** The warehouse database. */
  public static final String DATABASE = "warehouse";

  /** Prefix under which warehouse-loader writes {@code COPY} manifests (its default). */
  public static final String MANIFEST_PREFIX = "warehouse-load-manifests/";

  /** Base capacity in Redshift Processing Units; 8 is the smallest. */
  static final int BASE_CAPACITY_RPU = 8;

  private final Key key;
  private final CfnWorkgroup workgroup;
  private final Role copyRole;
  private final Map<WarehouseUser, Secret> userSecrets = new EnumMap<>(WarehouseUser.class);

  public WarehouseStack(
      Construct scope, String id, StackProps props, NetworkStack network, DataLakeStack lake) {
    super(scope, id, props);
    key =
        Key.Builder.create(this, "WarehouseKey")
            .alias("alias/c360-warehouse")
            .description("Customer 360 warehouse and its database secrets")
            .enableKeyRotation(true)
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    copyRole =
        Role.Builder.create(this, "CopyRole")
            .assumedBy(
                new CompositePrincipal(
                    new ServicePrincipal("redshift.amazonaws.com"),
                    new ServicePrincipal("redshift-serverless.amazonaws.com")))
            .description("Redshift COPY from the lake's gold zone")
            .build();
    LakeGrants lakeGrants = new LakeGrants(lake.bucket(), lake.key());
    lakeGrants.read(copyRole, LakeGrants.prefix(LakeZone.GOLD), MANIFEST_PREFIX);

    CfnNamespace namespace =
        CfnNamespace.Builder.create(this, "Namespace")
            .namespaceName("c360")
            .dbName(DATABASE)
            .adminUsername("c360admin")
            .manageAdminPassword(true)
            .adminPasswordSecretKmsKeyId(key.getKeyArn())
            .kmsKeyId(key.getKeyArn())
            .iamRoles(List.of(copyRole.getRoleArn()))
            .defaultIamRoleArn(copyRole.getRoleArn())
            .logExports(List.of("userlog", "connectionlog", "useractivitylog"))
            .build();
    workgroup =
        CfnWorkgroup.Builder.create(this, "Workgroup")
            .workgroupName("c360")
            .namespaceName(namespace.getNamespaceName())
            .baseCapacity(BASE_CAPACITY_RPU)
            .port(NetworkStack.WAREHOUSE_PORT)
            .publiclyAccessible(false)
            .enhancedVpcRouting(true)
            .subnetIds(
                network
                    .vpc()
                    .selectSubnets(
                        SubnetSelection.builder()
                            .subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                            .build())
                    .getSubnetIds())
            .securityGroupIds(List.of(network.warehouseSecurityGroup().getSecurityGroupId()))
            .build();
    workgroup.addResourceDependency(namespace);
    for (WarehouseUser user : WarehouseUser.values()) {
      userSecrets.put(user, userSecret(user));
    }
  }

  private Secret userSecret(WarehouseUser user) {
    return Secret.Builder.create(this, user.constructId())
        .secretName("c360/warehouse/" + user.username())
        .description("Warehouse login of " + user.username())
        // The AWS-managed key: with the warehouse key, ECS's read grant would put the services'
        // execution roles into this stack's key policy and make the stacks depend on each other.
        .generateSecretString(
            SecretStringGenerator.builder()
                .secretStringTemplate("{\"username\":\"" + user.username() + "\"}")
                .generateStringKey("password")
                .excludePunctuation(true)
                .passwordLength(32)
                .build())
        .build();
  }

  /** JDBC URL of the warehouse for the Redshift driver. */
  public String jdbcUrl() {
    return "jdbc:redshift://"
        + workgroup.getAttrWorkgroupEndpointAddress()
        + ":"
        + NetworkStack.WAREHOUSE_PORT
        + "/"
        + DATABASE;
  }

  /** The generated login of a database user. */
  public Secret secret(WarehouseUser user) {
    return userSecrets.get(user);
  }

  /** The role Redshift assumes for {@code COPY … FROM 's3://…'}. */
  public Role copyRole() {
    return copyRole;
  }

  public Key key() {
    return key;
  }
}

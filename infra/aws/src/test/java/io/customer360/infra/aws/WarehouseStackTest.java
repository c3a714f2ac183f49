package io.customer360.infra.aws;

import static io.customer360.infra.aws.TemplateSupport.actions;
import static io.customer360.infra.aws.TemplateSupport.only;
import static io.customer360.infra.aws.TemplateSupport.properties;
import static io.customer360.infra.aws.TemplateSupport.resources;
import static io.customer360.infra.aws.TemplateSupport.statements;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

class WarehouseStackTest {

  private final Template warehouse = SynthesizedApp.template(SynthesizedApp.stacks().warehouse());

  @Test
  void adminPasswordIsKeptBySecretsManagerNotTheTemplate() {
    Map<String, Object> namespace =
        properties(only(warehouse, "AWS::RedshiftServerless::Namespace"));
    assertThat(namespace.get("ManageAdminPassword")).isEqualTo(true);
    assertThat(namespace).doesNotContainKey("AdminUserPassword");
    assertThat(namespace).containsKeys("KmsKeyId", "AdminPasswordSecretKmsKeyId");
    assertThat(namespace.get("DbName")).isEqualTo(WarehouseStack.DATABASE);
  }

  @Test
  void workgroupIsPrivate() {
    Map<String, Object> workgroup =
        properties(only(warehouse, "AWS::RedshiftServerless::Workgroup"));
    assertThat(workgroup.get("PubliclyAccessible")).isEqualTo(false);
    assertThat(workgroup.get("EnhancedVpcRouting")).isEqualTo(true);
  }

  @Test
  void everyDatabaseUserHasAGeneratedSecret() {
    List<Object> generated =
        resources(warehouse, "AWS::SecretsManager::Secret").values().stream()
            .map(s -> properties(s).get("GenerateSecretString"))
            .toList();
    assertThat(generated)
        .hasSize(WarehouseUser.values().length)
        .allSatisfy(g -> assertThat(g.toString()).contains("GenerateStringKey=password"));
    assertThat(generated.toString())
        .contains(Arrays.stream(WarehouseUser.values()).map(WarehouseUser::username).toList());
  }

  @Test
  void copyRoleOnlyReadsGoldAndLoadManifests() {
    List<Map<String, Object>> statements =
        resources(warehouse, "AWS::IAM::Policy").values().stream()
            .flatMap(p -> statements(properties(p).get("PolicyDocument")).stream())
            .toList();
    assertThat(statements.stream().flatMap(s -> actions(s).stream()))
        .containsExactlyInAnyOrder("s3:GetObject", "s3:ListBucket", "kms:Decrypt");
    assertThat(statements.toString())
        .contains("/gold/*", "/" + WarehouseStack.MANIFEST_PREFIX + "*")
        .doesNotContain("/bronze/");
  }
}

package io.customer360.infra.aws;

import static io.customer360.infra.aws.TemplateSupport.properties;
import static io.customer360.infra.aws.TemplateSupport.resources;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;

/** Properties that hold across every stack of the app. */
class EncryptionTest {

  private final Customer360Stacks stacks = SynthesizedApp.stacks();
  private final List<Stack> all =
      List.of(
          stacks.network(),
          stacks.lake(),
          stacks.streaming(),
          stacks.messaging(),
          stacks.warehouse(),
          stacks.identity(),
          stacks.services(),
          stacks.api(),
          stacks.observability());

  @Test
  void everyCustomerManagedKeyRotates() {
    long keys = 0;
    for (Stack stack : all) {
      var found = resources(SynthesizedApp.template(stack), "AWS::KMS::Key");
      keys += found.size();
      found.forEach(
          (id, key) ->
              assertThat(properties(key).get("EnableKeyRotation"))
                  .as("%s/%s", stack.getStackName(), id)
                  .isEqualTo(true));
    }
    assertThat(keys).as("lake, streams, warehouse and alarm topic keys").isEqualTo(4);
  }

  @Test
  void noTemplateCarriesAPasswordLiteral() {
    for (Stack stack : all) {
      var template = SynthesizedApp.template(stack);
      assertThat(template.toJSON().toString())
          .as(stack.getStackName())
          .doesNotContain("AdminUserPassword", "MasterUserPassword");
      resources(template, "AWS::SecretsManager::Secret")
          .forEach(
              (id, secret) ->
                  assertThat(properties(secret))
                      .as("%s/%s", stack.getStackName(), id)
                      .doesNotContainKey("SecretString")
                      .containsKey("GenerateSecretString"));
    }
  }
}

package io.customer360.infra.aws;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;

/**
 * The CDK app: {@code cdk synth} / {@code cdk deploy} run it (see {@code cdk.json}). Settings come
 * from CDK context ({@link DeploymentSettings}); the account and region from the CDK CLI's
 * environment ({@code CDK_DEFAULT_ACCOUNT}, {@code CDK_DEFAULT_REGION}), else the synthesis is
 * environment-agnostic.
 */
public final class Customer360App {

  /**
   * Feature flags this app is written against, set here rather than only in {@code cdk.json} so
   * that tests synthesize exactly what {@code cdk synth} does.
   */
  static final Map<String, Object> FEATURE_FLAGS =
      Map.of(
          "@aws-cdk/aws-iam:minimizePolicies",
          true,
          // Exports stay protected while another stack imports them.
          "@aws-cdk/core:defaultCrossStackReferences",
          "strong");

  private Customer360App() {}

  public static void main(String[] args) {
    App app = newApp(Map.of());
    Customer360Stacks.create(app, DeploymentSettings.fromContext(app.getNode()), environment());
    app.synth();
  }

  /** An app with this project's feature flags and the given extra context. */
  public static App newApp(Map<String, Object> context) {
    Map<String, Object> all = new HashMap<>(FEATURE_FLAGS);
    all.putAll(context);
    return new App(AppProps.builder().context(all).build());
  }

  private static Environment environment() {
    String account = System.getenv("CDK_DEFAULT_ACCOUNT");
    String region = System.getenv("CDK_DEFAULT_REGION");
    if (account == null || region == null) {
      return null;
    }
    return Environment.builder().account(account).region(region).build();
  }
}

package io.customer360.infra.aws;

import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The whole app, synthesized once per test JVM (jsii starts a Node.js process, which takes
 * seconds), as {@code cdk synth} would with default context.
 */
final class SynthesizedApp {

  /** The repository root, from the module directory Surefire runs in. */
  static final Path REPOSITORY_ROOT = Path.of("../..").toAbsolutePath().normalize();

  private static Customer360Stacks stacks;

  private SynthesizedApp() {}

  static synchronized Customer360Stacks stacks() {
    if (stacks == null) {
      App app = Customer360App.newApp(Map.of("repositoryRoot", REPOSITORY_ROOT.toString()));
      stacks = Customer360Stacks.create(app, DeploymentSettings.fromContext(app.getNode()), null);
      app.synth();
    }
    return stacks;
  }

  static Template template(Stack stack) {
    return Template.fromStack(stack);
  }
}

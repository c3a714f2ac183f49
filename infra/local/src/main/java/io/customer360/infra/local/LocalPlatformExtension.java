package io.customer360.infra.local;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests a running {@link LocalPlatform}, started once per test JVM and stopped
 * when the JVM's tests are done. Use {@code @ExtendWith(LocalPlatformExtension.class)}; inject
 * {@link LocalEndpoints} or {@link LocalPlatform} as test parameters. Before the first test class
 * it also sets the platform's {@linkplain LocalEndpoints#springProperties() Spring properties} as
 * system properties, so a {@code @SpringBootTest} in the same class connects to it.
 */
public final class LocalPlatformExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalPlatformExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    platform(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalEndpoints.class || type == LocalPlatform.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    LocalPlatform platform = platform(context);
    return parameter.getParameter().getType() == LocalPlatform.class
        ? platform
        : platform.endpoints();
  }

  private static LocalPlatform platform(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(
            RunningPlatform.class, type -> RunningPlatform.start(), RunningPlatform.class)
        .platform();
  }

  /** Held in the root store, which closes it after the last test of the JVM. */
  private record RunningPlatform(LocalPlatform platform) implements AutoCloseable {

    static RunningPlatform start() {
      LocalPlatform platform = LocalPlatform.start(LocalPlatformConfig.forTests());
      platform.endpoints().springProperties().forEach(System::setProperty);
      return new RunningPlatform(platform);
    }

    @Override
    public void close() {
      platform.endpoints().springProperties().keySet().forEach(System::clearProperty);
      platform.close();
    }
  }
}

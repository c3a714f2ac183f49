package io.customer360.infra.aws;

/**
 * The five deployable services: the Maven module (and image build argument) each is built from, the
 * port it serves HTTP on, its Fargate size, and whether API Gateway exposes it.
 */
public enum ServiceSpec {
  INGESTION("ingestion-service", 8081, 1024, 2048, false),
  TRANSFORM("transform-service", 8082, 2048, 8192, false),
  WAREHOUSE_LOADER("warehouse-loader", 8083, 1024, 2048, false),
  QUERY_API("query-api", 8080, 1024, 2048, true),
  ML_SCORING("ml-scoring-service", 8084, 2048, 4096, true);

  /** Lowest port any service listens on. */
  public static final int FIRST_PORT = 8080;

  /** Highest port any service listens on. */
  public static final int LAST_PORT = 8084;

  private final String module;
  private final int port;
  private final int cpu;
  private final int memoryMiB;
  private final boolean publicApi;

  ServiceSpec(String module, int port, int cpu, int memoryMiB, boolean publicApi) {
    this.module = module;
    this.port = port;
    this.cpu = cpu;
    this.memoryMiB = memoryMiB;
    this.publicApi = publicApi;
  }

  /** Maven module directory, also the artifact id and the ECS service name suffix. */
  public String module() {
    return module;
  }

  public int port() {
    return port;
  }

  /** Fargate CPU units. */
  public int cpu() {
    return cpu;
  }

  public int memoryMiB() {
    return memoryMiB;
  }

  /** Whether API Gateway routes callers to this service. */
  public boolean publicApi() {
    return publicApi;
  }

  /** A construct id: the module name in PascalCase, e.g. {@code QueryApi}. */
  public String constructId() {
    StringBuilder id = new StringBuilder();
    for (String part : module.split("-")) {
      id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return id.toString();
  }
}

package io.customer360.infra.aws;

import static io.customer360.infra.aws.TemplateSupport.list;
import static io.customer360.infra.aws.TemplateSupport.properties;
import static io.customer360.infra.aws.TemplateSupport.resources;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/**
 * Every endpoint the two public services' controllers declare (read from their sources, so a new
 * controller is checked without editing this test) reaches its own service through the internal
 * load balancer's rules, and API Gateway routes each of them: reads for tokens with {@code
 * c360/read}, ml-scoring-service's writes (batch scoring, training, model import and
 * cross-validation) only for tokens with {@code c360/operate}.
 */
class ServiceRoutesTest {

  private static final Pattern CLASS_MAPPING =
      Pattern.compile("@RequestMapping\\((?:path = |value = )?\"([^\"]*)\"");
  private static final Pattern METHOD_MAPPING =
      Pattern.compile(
          "@(Get|Post|Put|Patch|Delete)Mapping(?:\\((?:path = |value = )?(?:\"([^\"]*)\")?)?");

  private final Template services = SynthesizedApp.template(SynthesizedApp.stacks().services());
  private final Template api = SynthesizedApp.template(SynthesizedApp.stacks().api());

  /** One endpoint as its controller declares it, path variables filled with a sample value. */
  record Endpoint(String method, String path) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  @Test
  void everyScoringEndpointReachesMlScoringService() {
    List<Endpoint> endpoints = endpoints(ServiceSpec.ML_SCORING);
    assertThat(endpoints)
        .contains(
            new Endpoint("GET", "/api/v1/churn-scores/x1"),
            new Endpoint("GET", "/api/v1/models/churn/current"),
            new Endpoint("POST", "/api/v1/models/cross-validation"));
    for (Endpoint endpoint : endpoints) {
      assertThat(loadBalancerTarget(endpoint.path()))
          .as(endpoint.toString())
          .contains(targetGroup(ServiceSpec.ML_SCORING));
    }
  }

  @Test
  void everyQueryEndpointReachesQueryApi() {
    List<Endpoint> endpoints = endpoints(ServiceSpec.QUERY_API);
    assertThat(endpoints).contains(new Endpoint("GET", "/api/v1/sales/by-zip"));
    for (Endpoint endpoint : endpoints) {
      assertThat(loadBalancerTarget(endpoint.path()))
          .as(endpoint.toString())
          .contains(targetGroup(ServiceSpec.QUERY_API));
    }
  }

  @Test
  void apiGatewayRoutesEveryEndpointWritesNeedingTheOperateScope() {
    List<Endpoint> all = new ArrayList<>(endpoints(ServiceSpec.ML_SCORING));
    all.addAll(endpoints(ServiceSpec.QUERY_API));
    assertThat(all)
        .contains(
            new Endpoint("POST", "/api/v1/churn-scores/batch"),
            new Endpoint("POST", "/api/v1/models/churn/train"),
            new Endpoint("POST", "/api/v1/models/churn/import"),
            new Endpoint("POST", "/api/v1/models/cross-validation"));
    for (Endpoint endpoint : all) {
      assertThat(apiGatewayScopes(endpoint))
          .as(endpoint.toString())
          .isEqualTo(List.of(endpoint.method().equals("GET") ? "c360/read" : "c360/operate"));
    }
  }

  @Test
  void theDashboardPageAndItsChartLibraryReachQueryApiWithoutAToken() {
    for (String path :
        List.of(
            "/dashboard",
            "/dashboard/index.html",
            "/dashboard/dashboard.js",
            "/webjars/chart.js/dist/chart.umd.js")) {
      assertThat(loadBalancerTarget(path)).as(path).contains(targetGroup(ServiceSpec.QUERY_API));
      Map<String, Object> route = apiGatewayRoute(new Endpoint("GET", path));
      assertThat(route.get("AuthorizationType")).as(path).isIn(null, "NONE");
      assertThat(route.get("AuthorizerId")).as(path).isNull();
      assertThat(route.get("AuthorizationScopes")).as(path).isNull();
    }
    assertThat(
            resources(api, "AWS::ApiGatewayV2::Route").values().stream()
                .map(r -> properties(r).get("RouteKey").toString())
                .filter(key -> !key.contains(" /api/v1/")))
        .as("open routes")
        .containsExactlyInAnyOrder(
            "GET /dashboard", "GET /dashboard/{proxy+}", "GET /webjars/{proxy+}");
  }

  @Test
  void unknownApiPathsAreQueryApisAndOthersTheLoadBalancers404() {
    assertThat(loadBalancerTarget("/api/v1/no-such-thing"))
        .contains(targetGroup(ServiceSpec.QUERY_API));
    assertThat(loadBalancerTarget("/actuator/env")).isEmpty();
  }

  // ---- the load balancer's listener rules, evaluated as the ALB does (lowest priority first) --

  @SuppressWarnings("unchecked")
  private Optional<String> loadBalancerTarget(String path) {
    return resources(services, "AWS::ElasticLoadBalancingV2::ListenerRule").values().stream()
        .map(TemplateSupport::properties)
        .sorted(Comparator.comparingInt(rule -> ((Number) rule.get("Priority")).intValue()))
        .filter(rule -> matchesPathPattern(rule, path))
        .findFirst()
        .map(
            rule -> {
              Map<String, Object> action = (Map<String, Object>) list(rule.get("Actions")).get(0);
              assertThat(action.get("Type")).isEqualTo("forward");
              return ((Map<String, Object>) action.get("TargetGroupArn")).get("Ref").toString();
            });
  }

  @SuppressWarnings("unchecked")
  private static boolean matchesPathPattern(Map<String, Object> rule, String path) {
    for (Object condition : list(rule.get("Conditions"))) {
      Map<String, Object> c = (Map<String, Object>) condition;
      assertThat(c.get("Field")).isEqualTo("path-pattern");
      Map<String, Object> config = (Map<String, Object>) c.get("PathPatternConfig");
      for (Object pattern : list(config.get("Values"))) {
        if (path.matches(wildcardRegex(pattern.toString(), "*", ".*"))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The logical id of the target group of a service's port. */
  private String targetGroup(ServiceSpec spec) {
    List<String> ids =
        resources(services, "AWS::ElasticLoadBalancingV2::TargetGroup").entrySet().stream()
            .filter(e -> ((Number) properties(e.getValue()).get("Port")).intValue() == spec.port())
            .map(Map.Entry::getKey)
            .toList();
    assertThat(ids).as("target group of %s", spec).hasSize(1);
    return ids.get(0);
  }

  // ---- API Gateway's routes ------------------------------------------------------------------

  /** The authorization scopes of the one API Gateway route that matches the endpoint. */
  private List<Object> apiGatewayScopes(Endpoint endpoint) {
    return list(apiGatewayRoute(endpoint).get("AuthorizationScopes"));
  }

  /** The one API Gateway route that matches the endpoint. */
  private Map<String, Object> apiGatewayRoute(Endpoint endpoint) {
    List<Map<String, Object>> matching =
        resources(api, "AWS::ApiGatewayV2::Route").values().stream()
            .map(TemplateSupport::properties)
            .filter(
                route -> {
                  String[] key = route.get("RouteKey").toString().split(" ", 2);
                  return key[0].equals(endpoint.method())
                      && endpoint.path().matches(wildcardRegex(key[1], "{proxy+}", ".+"));
                })
            .toList();
    assertThat(matching).as("API Gateway routes of %s", endpoint).hasSize(1);
    return matching.get(0);
  }

  private static String wildcardRegex(String pattern, String wildcard, String regex) {
    StringBuilder result = new StringBuilder();
    int from = 0;
    for (int at = pattern.indexOf(wildcard); at >= 0; at = pattern.indexOf(wildcard, from)) {
      result.append(Pattern.quote(pattern.substring(from, at))).append(regex);
      from = at + wildcard.length();
    }
    return result.append(Pattern.quote(pattern.substring(from))).toString();
  }

  // ---- endpoints from the controllers' sources -----------------------------------------------

  private static List<Endpoint> endpoints(ServiceSpec spec) {
    Path sources = SynthesizedApp.REPOSITORY_ROOT.resolve(spec.module()).resolve("src/main/java");
    List<Endpoint> endpoints = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        if (source.contains("@RestController")) {
          endpoints.addAll(endpoints(source));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(endpoints).as("endpoints of %s", spec).isNotEmpty();
    return endpoints;
  }

  private static List<Endpoint> endpoints(String source) {
    int body = source.indexOf("class ", source.indexOf("@RestController"));
    Matcher classMapping = CLASS_MAPPING.matcher(source.substring(0, body));
    String prefix = classMapping.find() ? classMapping.group(1) : "";
    List<Endpoint> endpoints = new ArrayList<>();
    Matcher method = METHOD_MAPPING.matcher(source.substring(body));
    while (method.find()) {
      String path = prefix + (method.group(2) == null ? "" : method.group(2));
      endpoints.add(
          new Endpoint(method.group(1).toUpperCase(), path.replaceAll("\\{[^}]+}", "x1")));
    }
    return endpoints;
  }
}

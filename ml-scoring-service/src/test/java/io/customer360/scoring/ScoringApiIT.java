package io.customer360.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatformExtension;
import io.customer360.scoring.features.FeatureFrame;
import io.customer360.scoring.model.GbtModel;
import io.customer360.scoring.training.GbtParameters;
import io.customer360.scoring.training.GbtTrainer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API over HTTP against the embedded platform: authentication (API key, JWT, 401 as a
 * problem), training on demand, online scores, the at-risk list with its filters, batch scoring,
 * model import with validation, generic cross-validation, ProblemDetail errors naming the parameter
 * at fault, and the service's metrics.
 */
@ExtendWith(LocalPlatformExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "c360.security.api-keys.tester=" + ScoringApiIT.API_KEY,
      "c360.security.api-keys.reader=" + ScoringApiIT.READER_KEY,
      "c360.security.operator-clients=tester",
      "c360.security.jwt.hmac-secret=" + ScoringApiIT.JWT_SECRET,
      "c360.ml-scoring.model-name=churn_api",
      "c360.ml-scoring.features.table=api.customer_features",
      "c360.ml-scoring.scores.table=api.churn_scores",
      "c360.ml-scoring.scores.gold-model=churn_scores_api",
      "c360.ml-scoring.scores.refresh-interval=0s",
      "c360.ml-scoring.training.cron=-",
      "c360.ml-scoring.training.validation-days=5",
      "c360.ml-scoring.training.label-horizon-days=3",
      "c360.ml-scoring.training.gbt.rounds=80",
      "c360.ml-scoring.serving.max-page-size=100"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScoringApiIT {

  static final String API_KEY = "it-key-7f3a9c";
  static final String READER_KEY = "it-reader-key-2d81";
  static final String JWT_SECRET = "an-hmac-secret-of-at-least-32-bytes-for-hs256";
  private static final int CUSTOMERS = 600;
  private static final int DAYS = 30;
  private static final LocalDate START = LocalDate.of(2026, 3, 1);
  private static final LocalDate NEWEST = START.plusDays(DAYS - 1L);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static List<SyntheticChurn.Row> rows;

  @Value("${local.server.port}")
  int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void loadFeatures(LocalEndpoints endpoints) throws Exception {
    rows = SyntheticChurn.generate(CUSTOMERS, DAYS, 3, START, 99);
    SyntheticChurn.load(endpoints.jdbcUrl(), endpoints.jdbcUser(), "api", rows);
  }

  @Test
  @Order(1)
  void openApiDocumentAndSwaggerUiDescribeTheEndpointsAndHowToAuthenticate() throws Exception {
    HttpResponse<String> docs = send(get("/v3/api-docs"));
    HttpResponse<String> ui = send(get("/swagger-ui/index.html"));

    assertThat(docs.statusCode()).isEqualTo(200);
    JsonNode document = JSON.readTree(docs.body());
    assertThat(document.path("paths").has("/api/v1/churn-scores/{customerId}")).isTrue();
    assertThat(document.path("paths").has("/api/v1/models/churn/train")).isTrue();
    assertThat(
            document
                .path("components")
                .path("securitySchemes")
                .path("apiKey")
                .path("name")
                .asString())
        .isEqualTo("X-API-Key");
    assertThat(document.path("components").path("securitySchemes").has("bearer")).isTrue();
    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(send(get("/swagger-ui.html")).statusCode()).isIn(200, 302);
  }

  @Test
  @Order(1)
  void healthIsOpenAndEverythingElseNeedsAuthentication() throws Exception {
    assertThat(send(get("/actuator/health")).statusCode()).isEqualTo(200);

    for (HttpRequest.Builder request :
        List.of(
            get("/api/v1/churn-scores/C0000001"),
            get("/api/v1/churn-scores"),
            get("/actuator/prometheus"),
            post("/api/v1/models/churn/train", ""),
            get("/api/v1/churn-scores/C0000001").header("X-API-Key", "wrong-key"),
            get("/api/v1/churn-scores").header("Authorization", "Bearer " + jwt("x".repeat(48))))) {
      HttpResponse<String> response = send(request);
      assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      JsonNode problem = JSON.readTree(response.body());
      assertThat(problem.get("status").asInt()).isEqualTo(401);
      assertThat(problem.get("title").asString()).isEqualTo("Unauthenticated");
      assertThat(problem.get("type").asString()).endsWith("/unauthenticated");
    }
  }

  @Test
  @Order(1)
  void stateChangingCallsNeedTheOperatorScope() throws Exception {
    for (HttpRequest.Builder request :
        List.of(
            post("/api/v1/models/churn/train", ""),
            post("/api/v1/churn-scores/batch", ""),
            post("/api/v1/models/cross-validation", "{}"))) {
      HttpResponse<String> response = send(request.header("X-API-Key", READER_KEY));
      assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(403);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      JsonNode problem = JSON.readTree(response.body());
      assertThat(problem.get("type").asString()).endsWith("/operate-scope-required");
      assertThat(problem.get("scope").asString()).isEqualTo("operate");
    }
    assertThat(send(get("/api/v1/churn-scores").header("X-API-Key", READER_KEY)).statusCode())
        .isNotIn(401, 403);
  }

  @Test
  @Order(2)
  void scoringBeforeAnyModelIsAProblem() throws Exception {
    HttpResponse<String> response = send(authed(get("/api/v1/churn-scores/C0000001")));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(response.body()).get("type").asString()).endsWith("/no-model");
  }

  @Test
  @Order(3)
  void trainsOnDemandAndServesTheModel() throws Exception {
    JsonNode report = ok(send(authed(post("/api/v1/models/churn/train", ""))));

    assertThat(report.get("decision").get("promote").asBoolean()).isTrue();
    assertThat(report.get("metrics").get("validationAuc").asDouble()).isGreaterThan(0.7);
    assertThat(report.get("metrics").get("baseline").get("rocAuc").asDouble()).isGreaterThan(0.6);
    assertThat(report.get("range").get("validationStart").asString())
        .isEqualTo(NEWEST.minusDays(3 + 4).toString());
    JsonNode current = ok(send(authed(get("/api/v1/models/churn/current"))));
    assertThat(current.get("version").asString()).isEqualTo(report.get("version").asString());
    assertThat(current.get("features").size()).isEqualTo(SyntheticChurn.SCHEMA.size());
  }

  @Test
  @Order(4)
  void scoresOneCustomerFromTheirLatestSnapshot() throws Exception {
    JsonNode score = ok(send(authed(get("/api/v1/churn-scores/C0000007"))));

    assertThat(score.get("customerId").asString()).isEqualTo("C0000007");
    assertThat(score.get("score").asDouble()).isBetween(0.0, 1.0);
    assertThat(score.get("riskBand").asString()).isIn("low", "medium", "high");
    assertThat(score.get("featureSnapshotDate").asString()).isEqualTo(NEWEST.toString());
    assertThat(score.get("modelVersion").asString()).endsWith("-trained");
    JsonNode top = score.get("topFeatures");
    assertThat(top.size()).isEqualTo(5);
    assertThat(List.of(SyntheticChurn.SCHEMA.names()))
        .contains(top.get(0).get("feature").asString());
    assertThat(Math.abs(top.get(0).get("contribution").asDouble()))
        .isGreaterThanOrEqualTo(Math.abs(top.get(4).get("contribution").asDouble()));
  }

  @Test
  @Order(5)
  void anUnknownCustomerIsNotFound() throws Exception {
    HttpResponse<String> response = send(authed(get("/api/v1/churn-scores/C9999999")));

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("detail").asString()).contains("C9999999");
    assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/churn-scores/C9999999");
  }

  @Test
  @Order(6)
  void badParametersAreProblemsNamingTheParameter() throws Exception {
    Map<String, String> cases =
        Map.of(
            "/api/v1/churn-scores/bad%20id%21", "customerId",
            "/api/v1/churn-scores?limit=0", "limit",
            "/api/v1/churn-scores?limit=101", "limit",
            "/api/v1/churn-scores?limit=ten", "limit",
            "/api/v1/churn-scores?offset=-1", "offset",
            "/api/v1/churn-scores?riskBand=extreme", "riskBand",
            "/api/v1/churn-scores?minScore=1.5", "minScore",
            "/api/v1/churn-scores?riskBand=high%27%3B%20DROP%20TABLE%20x%3B--", "riskBand");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      HttpResponse<String> response = send(authed(get(c.getKey())));
      assertThat(response.statusCode()).as(c.getKey()).isEqualTo(400);
      JsonNode problem = JSON.readTree(response.body());
      assertThat(problem.get("parameter").asString()).as(c.getKey()).isEqualTo(c.getValue());
      assertThat(problem.get("status").asInt()).isEqualTo(400);
      assertThat(problem.get("type").asString()).endsWith("/invalid-parameter");
    }
  }

  @Test
  @Order(7)
  void batchScoringFeedsTheAtRiskList() throws Exception {
    JsonNode batch = ok(send(authed(post("/api/v1/churn-scores/batch", ""))));
    assertThat(batch.get("customers").asInt()).isEqualTo(CUSTOMERS);
    assertThat(batch.get("featureSnapshotDate").asString()).isEqualTo(NEWEST.toString());

    JsonNode page = ok(send(authed(get("/api/v1/churn-scores?limit=100"))));
    assertThat(page.get("items").size()).isEqualTo(100);
    assertThat(page.get("featureSnapshotDate").asString()).isEqualTo(NEWEST.toString());
    double previous = 1;
    for (JsonNode item : page.get("items")) {
      assertThat(item.get("score").asDouble()).isLessThanOrEqualTo(previous);
      previous = item.get("score").asDouble();
    }

    JsonNode high = ok(send(authed(get("/api/v1/churn-scores?riskBand=HIGH&limit=100"))));
    assertThat(high.get("items").size()).isPositive();
    high.get("items")
        .forEach(
            i -> {
              assertThat(i.get("riskBand").asString()).isEqualTo("high");
              assertThat(i.get("score").asDouble()).isGreaterThanOrEqualTo(0.3);
            });
    JsonNode min = ok(send(authed(get("/api/v1/churn-scores?minScore=0.5&limit=100"))));
    min.get("items").forEach(i -> assertThat(i.get("score").asDouble()).isGreaterThan(0.4999));
    JsonNode second = ok(send(authed(get("/api/v1/churn-scores?limit=10&offset=10"))));
    assertThat(second.get("items").get(0).get("customerId").asString())
        .isEqualTo(page.get("items").get(10).get("customerId").asString());
  }

  @Test
  @Order(8)
  void acceptsAValidJwtBearerToken() throws Exception {
    HttpResponse<String> response =
        send(
            get("/api/v1/churn-scores/C0000003")
                .header("Authorization", "Bearer " + jwt(JWT_SECRET)));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  @Order(9)
  void importsAnExternallyTrainedModelAfterValidatingIt() throws Exception {
    FeatureFrame frame = SyntheticChurn.frame(rows).labelledOnly();
    GbtModel notebook = GbtTrainer.train(frame, new GbtParameters(30, 3, 0.2, 1, 1, 1, 1, 1, 3));
    byte[] model = notebook.booster().toByteArray("ubj");
    byte[] features = JSON.writeValueAsBytes(SyntheticChurn.SCHEMA.toDocument());

    JsonNode report =
        ok(send(authed(multipart("/api/v1/models/churn/import?promote=false", model, features))));
    assertThat(report.get("version").asString()).endsWith("-imported");
    assertThat(report.get("decision").get("promote").asBoolean()).isFalse();
    assertThat(report.get("metrics").get("validationAuc").asDouble()).isGreaterThan(0.6);
    assertThat(report.get("range").get("origin").asString()).isEqualTo("imported");

    byte[] sixFeatures =
        JSON.writeValueAsBytes(
            new io.customer360.scoring.features.FeatureSchema(
                    SyntheticChurn.SCHEMA.features().subList(0, 6))
                .toDocument());
    assertProblem(
        send(authed(multipart("/api/v1/models/churn/import", model, sixFeatures))), "features");
    byte[] unknownType =
        "{\"features\":[{\"name\":\"x\",\"type\":\"categorical\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    assertProblem(
        send(authed(multipart("/api/v1/models/churn/import", model, unknownType))), "features");
    assertProblem(
        send(authed(multipart("/api/v1/models/churn/import", "not a model".getBytes(), features))),
        "model");
  }

  @Test
  @Order(10)
  void crossValidatesAnyTableWithANamedLabel() throws Exception {
    String body =
        """
        {"table": "api.customer_features", "labelColumn": "churn_label",
         "idColumn": "customer_id", "dateColumn": "snapshot_date", "folds": 3}
        """;
    JsonNode report = ok(send(authed(post("/api/v1/models/cross-validation", body))));

    assertThat(report.get("folds").asInt()).isEqualTo(3);
    assertThat(report.get("foldAuc").size()).isEqualTo(3);
    assertThat(report.get("meanAuc").asDouble()).isGreaterThan(0.7);
    assertThat(report.get("rows").asLong()).isEqualTo(CUSTOMERS * (DAYS - 3L));

    assertProblem(
        send(
            authed(
                post(
                    "/api/v1/models/cross-validation",
                    "{\"table\":\"api.customer_features; DROP TABLE x\",\"labelColumn\":\"y\"}"))),
        "table");
    assertProblem(
        send(
            authed(
                post(
                    "/api/v1/models/cross-validation",
                    "{\"table\":\"a\",\"file\":\"s3://b/k.csv\",\"labelColumn\":\"y\"}"))),
        "table");
    assertProblem(
        send(authed(post("/api/v1/models/cross-validation", "{\"table\":\"a\"}"))), "labelColumn");
    assertProblem(send(authed(post("/api/v1/models/cross-validation", "{not json"))), "body");
  }

  @Test
  @Order(11)
  void exposesTheServiceMetrics() throws Exception {
    HttpResponse<String> response = send(authed(get("/actuator/prometheus")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("c360_ml_model_auc{model=\"churn_api\"}")
        .contains("c360_ml_training_candidate_auc{model=\"churn_api\"}")
        .contains("c360_ml_score_count{model=\"churn_api\"}")
        .contains("c360_ml_model_load_failures_total{model=\"churn_api\"}")
        .containsPattern(
            "c360_api_requests_seconds_count\\{[^}]*status=\"200\",uri=\"/api/v1/churn-scores/\\{customerId}\"}")
        .containsPattern("c360_api_requests_seconds\\{[^}]*quantile=\"0.99\"")
        .containsPattern("c360_api_requests_seconds_count\\{[^}]*status=\"401\"");
  }

  private static void assertProblem(HttpResponse<String> response, String parameter) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("parameter").asString()).as(response.body()).isEqualTo(parameter);
  }

  private static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
  }

  private HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private HttpRequest.Builder multipart(String path, byte[] model, byte[] features) {
    String boundary = "----c360" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "model", "xgboost-model", model);
    part(body, boundary, "features", "features.json", features);
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  private static void part(
      ByteArrayOutputStream body, String boundary, String name, String file, byte[] bytes) {
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\"; filename=\""
            + file
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(bytes);
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  private static HttpRequest.Builder authed(HttpRequest.Builder request) {
    return request.header("X-API-Key", API_KEY);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String jwt(String secret) throws Exception {
    SignedJWT token =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            new JWTClaimsSet.Builder()
                .subject("data-scientist")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build());
    token.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return token.serialize();
  }
}

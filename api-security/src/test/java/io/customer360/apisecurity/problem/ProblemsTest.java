package io.customer360.apisecurity.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void invalidParameterIsA400NamingIt() {
    ProblemDetail problem = Problems.invalidParameter("size", "size: must be at most 500");

    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getType().toString())
        .isEqualTo("https://customer360.io/problems/invalid-parameter");
    assertThat(problem.getTitle()).isEqualTo("Invalid parameter");
    assertThat(problem.getDetail()).isEqualTo("size: must be at most 500");
    assertThat(problem.getProperties()).containsEntry("parameter", "size");
  }

  @ParameterizedTest(name = "{0} -> instance {1}")
  @CsvSource({"/api/v1/customers/C1, /api/v1/customers/C1", "'/a b|{c}', "})
  void instanceIsTheRequestPathWhereThatIsAUri(String path, String instance) {
    ProblemDetail problem =
        Problems.at(
            Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "gone"),
            new MockHttpServletRequest("GET", path));

    assertThat(problem.getInstance() == null ? null : problem.getInstance().toString())
        .isEqualTo(instance);
  }

  @Test
  void writtenProblemIsTheWholeProblemJsonResponse() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    ProblemDetail problem = Problems.invalidParameter("path", "path: not allowed");

    Problems.write(problem, response, JSON);

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    JsonNode body = JSON.readTree(response.getContentAsByteArray());
    assertThat(body.get("type").asString())
        .isEqualTo("https://customer360.io/problems/invalid-parameter");
    assertThat(body.get("title").asString()).isEqualTo("Invalid parameter");
    assertThat(body.get("status").asInt()).isEqualTo(400);
    assertThat(body.get("detail").asString()).isEqualTo("path: not allowed");
    assertThat(body.get("parameter").asString()).isEqualTo("path");
    assertThat(body.has("instance")).isFalse();
    assertThat(body.has("properties")).isFalse();
  }
}

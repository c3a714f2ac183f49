package io.customer360.apisecurity.problem;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The problems both APIs share, around a test service that imports the shared configuration. */
@WebMvcTest(properties = "c360.security.api-keys.tester=" + ApiProblemAdviceTest.KEY)
class ApiProblemAdviceTest {

  static final String KEY = "problem-test-key-3d91";

  @Autowired MockMvc mvc;

  @Test
  void ourInvalidParameterIsA400NamingIt() throws Exception {
    invalidParameter(mvc.perform(get("/api/things?limit=500").header("X-API-Key", KEY)), "limit")
        .andExpect(jsonPath("$.detail").value("limit: must be at most 100"))
        .andExpect(jsonPath("$.instance").value("/api/things"));
  }

  @Test
  void missingWrongTypeAndOutOfRangeParametersAre400sNamingThem() throws Exception {
    invalidParameter(mvc.perform(get("/api/things").header("X-API-Key", KEY)), "limit")
        .andExpect(jsonPath("$.detail").value("limit: is required"));
    invalidParameter(mvc.perform(get("/api/things?limit=ten").header("X-API-Key", KEY)), "limit")
        .andExpect(jsonPath("$.detail").value(containsString("limit: has an invalid value")));
    invalidParameter(
            mvc.perform(get("/api/things?limit=5&page=12").header("X-API-Key", KEY)), "page")
        .andExpect(jsonPath("$.errors[0].parameter").value("page"));
  }

  @Test
  void anUnreadableBodyIsA400NamingTheBody() throws Exception {
    invalidParameter(
        mvc.perform(
            post("/api/things")
                .header("X-API-Key", KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{not json")),
        "body");
  }

  @Test
  void aMissingThingIsA404NamingTheParameter() throws Exception {
    mvc.perform(get("/api/things/t42").header("X-API-Key", KEY))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value(Problems.TYPE_BASE + "not-found"))
        .andExpect(jsonPath("$.detail").value("No thing t42"))
        .andExpect(jsonPath("$.parameter").value("id"));
    mvc.perform(get("/api/nowhere").header("X-API-Key", KEY))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("No endpoint /api/nowhere"));
  }

  @Test
  void anUnsupportedMethodIsA405ListingTheAllowedOnes() throws Exception {
    mvc.perform(delete("/api/things").header("X-API-Key", KEY))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(jsonPath("$.type").value(Problems.TYPE_BASE + "method-not-allowed"))
        .andExpect(jsonPath("$.detail").value(containsString("DELETE is not supported here")))
        .andExpect(jsonPath("$.detail").value(containsString("GET")));
  }

  @Test
  void aServicesOwnAdviceAnswersItsDomainFirst() throws Exception {
    mvc.perform(get("/api/things/stock").header("X-API-Key", KEY))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value(Problems.TYPE_BASE + "out-of-stock"));
  }

  @Test
  void anythingElseIsA500ThatLeaksNothing() throws Exception {
    mvc.perform(get("/api/things/boom").header("X-API-Key", KEY))
        .andExpect(status().isInternalServerError())
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(jsonPath("$.type").value(Problems.TYPE_BASE + "internal-error"))
        .andExpect(content().string(not(containsString("hunter2"))));
  }

  @Test
  void springsOwnClientErrorsKeepTheirStatus() throws Exception {
    mvc.perform(
            post("/api/things")
                .header("X-API-Key", KEY)
                .contentType(MediaType.TEXT_PLAIN)
                .content("hello"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(jsonPath("$.instance").value("/api/things"));
  }

  private static ResultActions invalidParameter(ResultActions result, String parameter)
      throws Exception {
    return result
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(jsonPath("$.type").value(Problems.TYPE_BASE + "invalid-parameter"))
        .andExpect(jsonPath("$.parameter").value(parameter));
  }
}

package io.customer360.scoring.config;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.customer360.scoring.model.ServingModel;
import io.customer360.scoring.scoring.BatchScoring;
import io.customer360.scoring.scoring.ChurnScoreStore;
import io.customer360.scoring.scoring.OnlineScoring;
import io.customer360.scoring.training.GenericCrossValidation;
import io.customer360.scoring.training.ModelImporter;
import io.customer360.scoring.training.TrainingJob;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The operator scope on the real controllers and filter chain, with the services behind them
 * mocked: batch scoring, training and cross-validation need it, reads do not.
 */
@WebMvcTest(
    properties = {
      "c360.security.api-keys.reader=" + OperatorScopeTest.READER_KEY,
      "c360.security.api-keys.ops=" + OperatorScopeTest.OPERATOR_KEY,
      "c360.security.operator-clients=ops",
      "c360.security.jwt.hmac-secret=" + OperatorScopeTest.SECRET
    })
@Import(ApiSecurityConfiguration.class)
class OperatorScopeTest {

  static final String READER_KEY = "reader-key-0c4e";
  static final String OPERATOR_KEY = "operator-key-a93d";
  static final String SECRET = "ml-scoring-test-hmac-secret-0123456789ab";

  @Autowired MockMvc mvc;

  @MockitoBean OnlineScoring online;
  @MockitoBean ChurnScoreStore store;
  @MockitoBean BatchScoring batch;
  @MockitoBean TrainingJob training;
  @MockitoBean ModelImporter importer;
  @MockitoBean ServingModel serving;
  @MockitoBean GenericCrossValidation crossValidation;

  @Test
  void nonOperatorClientGetsA403ProblemNamingTheScopeAndNothingRuns() throws Exception {
    for (MockHttpServletRequestBuilder request :
        new MockHttpServletRequestBuilder[] {
          post("/api/v1/churn-scores/batch"),
          post("/api/v1/models/churn/train"),
          post("/api/v1/models/cross-validation")
              .contentType(MediaType.APPLICATION_JSON)
              .content("{\"table\":\"t\",\"labelColumn\":\"y\"}")
        }) {
      mvc.perform(request.header("X-API-Key", READER_KEY))
          .andExpect(status().isForbidden())
          .andExpect(content().contentType("application/problem+json"))
          .andExpect(
              jsonPath("$.type").value("https://customer360.io/problems/operate-scope-required"))
          .andExpect(jsonPath("$.title").value("Scope operate required"))
          .andExpect(jsonPath("$.scope").value("operate"))
          .andExpect(jsonPath("$.cognitoScope").value("c360/operate"))
          .andExpect(jsonPath("$.detail").value(containsString("c360.security.operator-clients")));
    }
    verify(batch, never()).run(any());
    verify(training, never()).run();
    verify(crossValidation, never()).run(any());
  }

  @Test
  void jwtWithoutTheOperateScopeGetsA403() throws Exception {
    mvc.perform(post("/api/v1/churn-scores/batch").header("Authorization", bearer("read")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.title").value("Scope operate required"));
  }

  @Test
  void operatorClientAndOperateJwtRunTheBatch() throws Exception {
    mvc.perform(post("/api/v1/churn-scores/batch").header("X-API-Key", OPERATOR_KEY))
        .andExpect(status().isOk());
    mvc.perform(post("/api/v1/churn-scores/batch").header("Authorization", bearer("operate")))
        .andExpect(status().isOk());
    mvc.perform(post("/api/v1/models/churn/train").header("X-API-Key", OPERATOR_KEY))
        .andExpect(status().isOk());

    verify(batch, times(2)).run(any());
    verify(training).run();
  }

  @Test
  void readsNeedOnlyAuthentication() throws Exception {
    when(serving.current()).thenReturn(Optional.empty());

    mvc.perform(get("/api/v1/models/churn/current").header("X-API-Key", READER_KEY))
        .andExpect(status().isNotFound());
  }

  @Test
  void unauthenticatedPostIsStillA401() throws Exception {
    mvc.perform(post("/api/v1/churn-scores/batch"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.title").value("Unauthenticated"));
  }

  private static String bearer(String scope) {
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .subject("someone")
            .claim("scope", scope)
            .expiresAt(Instant.now().plusSeconds(60))
            .build();
    return "Bearer "
        + NimbusJwtEncoder.withSecretKey(
                new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
            .build()
            .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
            .getTokenValue();
  }
}

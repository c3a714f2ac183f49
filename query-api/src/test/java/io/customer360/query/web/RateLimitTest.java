package io.customer360.query.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The per-client token bucket, in a web slice with a burst of three and a slow refill. */
@WebMvcTest(
    properties = {
      "c360.security.api-keys.first=" + WebSliceSupport.KEY,
      "c360.security.api-keys.second=" + RateLimitTest.SECOND_KEY,
      "c360.query-api.rate-limit.requests-per-second=0.01",
      "c360.query-api.rate-limit.burst=3"
    })
@Import(WebSliceSupport.class)
class RateLimitTest {

  static final String SECOND_KEY = "slice-test-second-key-77aa";

  @Autowired MockMvc mvc;

  @Test
  void aClientOverItsBurstGets429WhileOtherClientsAreServed() throws Exception {
    for (int i = 0; i < 3; i++) {
      call(WebSliceSupport.KEY).andExpect(status().isBadRequest());
    }

    call(WebSliceSupport.KEY)
        .andExpect(status().isTooManyRequests())
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(header().exists("Retry-After"))
        .andExpect(jsonPath("$.type").value("https://customer360.io/problems/rate-limited"));
    call(SECOND_KEY).andExpect(status().isBadRequest());
  }

  private org.springframework.test.web.servlet.ResultActions call(String key) throws Exception {
    return mvc.perform(get("/api/v1/sales/by-zip?size=0").header("X-API-Key", key));
  }
}

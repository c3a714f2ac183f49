package io.customer360.query.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Validation and error answers of every endpoint, in a web slice without a warehouse. */
@WebMvcTest(
    properties = {
      "c360.security.api-keys.dashboard=" + WebSliceSupport.KEY,
      "c360.security.jwt.hmac-secret=" + ApiErrorsTest.SECRET,
      "c360.query-api.rate-limit.requests-per-second=100000",
      "c360.query-api.rate-limit.burst=100000"
    })
@Import(WebSliceSupport.class)
class ApiErrorsTest {

  static final String SECRET = "slice-test-hmac-secret-0123456789-abcdefghij";

  @Autowired MockMvc mvc;

  @ParameterizedTest(name = "{0}?{1} -> 400 naming {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v1/sales/by-zip|from=2026-13-01|from",
        "/api/v1/sales/by-zip|from=yesterday|from",
        "/api/v1/sales/by-zip|from=2026-02-01&to=2026-01-01|from",
        "/api/v1/sales/by-zip|from=2020-01-01&to=2026-01-01|from",
        "/api/v1/sales/by-zip|compareTo=last_decade|compareTo",
        "/api/v1/sales/by-zip|zip=1234|zip",
        "/api/v1/sales/by-zip|state=texas|state",
        "/api/v1/sales/by-zip|size=501|size",
        "/api/v1/sales/by-zip|size=0|size",
        "/api/v1/sales/by-zip|page=-1|page",
        "/api/v1/sales/by-zip|page=two|page",
        "/api/v1/sales/by-zip|sort=password|sort",
        "/api/v1/sales/by-zip|sort=revenue,sideways|sort",
        "/api/v1/sales/daily|category=Garden Tools!|category",
        "/api/v1/customers/top-spenders|topPercent=0|topPercent",
        "/api/v1/customers/top-spenders|topPercent=101|topPercent",
        "/api/v1/customers/top-spenders|channel=fax|channel",
        "/api/v1/customers/top-spenders|sort=email_hash|sort",
        "/api/v1/order-lines|status=lost|status",
        "/api/v1/order-lines|fromTime=noon|fromTime",
        "/api/v1/order-lines|couponCode=' OR 1=1|couponCode",
        "/api/v1/engagement/sessions|grain=year|grain",
        "/api/v1/engagement/sessions/list|converted=maybe|converted",
        "/api/v1/returns/top-products|top=0|top",
        "/api/v1/returns/top-products|top=101|top",
        "/api/v1/returns|reason=DROP TABLE|reason",
        "/api/v1/marketing/coupon-redemptions|groupBy=customer|groupBy",
        "/api/v1/marketing/campaign-referrals|utmSource=<script>|utmSource",
        "/api/v1/geography/activity|level=planet|level",
        "/api/v1/purchases/per-minute|hours=0|hours",
        "/api/v1/purchases/per-minute|hours=73|hours",
        "/api/v1/purchases/per-minute|bucketMinutes=7|bucketMinutes",
        "/api/v1/purchases/per-minute|until=soon|until",
        "/api/v1/segments|asOf=2026-02-30|asOf",
        "/api/v1/segments|segment=Champions!|segment",
        "/api/v1/customers/C1'DROP/running-totals||customerId",
        "/api/v1/customers/C0000001/running-totals|sort=month|sort",
        "/api/v1/marketing/campaign-referrals/CMP*001/daily||campaignId",
        "/api/v1/segments/CHAMPIONS/customers||segment",
        "/api/v1/segments/champions/customers|state=texas|state",
        "/api/v1/segments/champions/customers|segment=x y|segment",
        "/api/v1/customers/C0000001/running-totals|from=bad|from",
        "/api/v1/marketing/campaign-referrals/CMP001/daily|size=0|size"
      })
  void badParameterIsA400ProblemNamingIt(String path, String query, String parameter)
      throws Exception {
    String url = query == null ? path : path + "?" + query;

    authorized(url)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.type").value("https://customer360.io/problems/invalid-parameter"))
        .andExpect(jsonPath("$.parameter").value(parameter))
        .andExpect(jsonPath("$.detail").value(containsString(parameter)))
        .andExpect(jsonPath("$.instance").value(path));
  }

  @Test
  void pathTheFirewallRefusesIsA400Problem() throws Exception {
    authorized("/api/v1/customers/C1;DROP TABLE x")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(jsonPath("$.parameter").value("path"));
  }

  @Test
  void missingCredentialsAreA401Problem() throws Exception {
    mvc.perform(get("/api/v1/sales/by-zip"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(header().string("WWW-Authenticate", containsString("X-API-Key")))
        .andExpect(jsonPath("$.title").value("Unauthenticated"));
  }

  @Test
  void unknownApiKeyIsA401EvenWithBadParameters() throws Exception {
    mvc.perform(get("/api/v1/sales/by-zip?size=100000").header("X-API-Key", "guess"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void jwtSignedWithTheSharedSecretAuthenticatesAndAForgedOneDoesNot() throws Exception {
    mvc.perform(
            get("/api/v1/sales/by-zip?size=100000")
                .header("Authorization", "Bearer " + jwt(SECRET)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("size"));
    mvc.perform(
            get("/api/v1/sales/by-zip?size=100000")
                .header(
                    "Authorization",
                    "Bearer " + jwt("another-secret-that-is-long-enough-0123456789")))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void unreachableWarehouseIsA503Problem() throws Exception {
    authorized("/api/v1/sales/by-zip?from=2026-01-01&to=2026-01-31")
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(
            jsonPath("$.type").value("https://customer360.io/problems/warehouse-unavailable"));
  }

  @Test
  void unknownEndpointIsA404Problem() throws Exception {
    authorized("/api/v1/nothing-here")
        .andExpect(status().isNotFound())
        .andExpect(content().contentType("application/problem+json"));
  }

  @Test
  void writesAreA405ProblemOnAReadOnlyApi() throws Exception {
    mvc.perform(post("/api/v1/sales/by-zip").header("X-API-Key", WebSliceSupport.KEY))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(jsonPath("$.detail").value(containsString("read-only")));
  }

  @Test
  void severalBadParametersAreAllListed() throws Exception {
    authorized("/api/v1/order-lines?zip=abc&state=xx&channel=fax")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors.length()").value(3));
  }

  private ResultActions authorized(String url) throws Exception {
    return mvc.perform(get(url).header("X-API-Key", WebSliceSupport.KEY));
  }

  private static String jwt(String secret) throws Exception {
    SignedJWT token =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            new JWTClaimsSet.Builder()
                .subject("analyst")
                .claim("scope", "dashboards")
                .expirationTime(Date.from(Instant.now().plusSeconds(60)))
                .build());
    token.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return token.serialize();
  }
}

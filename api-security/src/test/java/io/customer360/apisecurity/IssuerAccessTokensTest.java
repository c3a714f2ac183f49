package io.customer360.apisecurity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jwt.JWTClaimsSet;
import io.customer360.apisecurity.testing.LoopbackIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;

/** Which decoder failures mean "the issuer cannot be reached" and which stay the token's fault. */
class IssuerAccessTokensTest {

  private static final String ISSUER = "http://127.0.0.1:9/" + LoopbackIssuer.POOL_ID;

  @Test
  void issuerWhereNothingListensIsUnavailableNotABadToken() {
    String issuer = "http://127.0.0.1:" + closedPort() + "/" + LoopbackIssuer.POOL_ID;
    JwtDecoder decoder =
        IssuerAccessTokens.decoder(
            new ApiSecurityProperties.Jwt(null, issuer, Set.of("dashboard-client")));
    String token =
        LoopbackIssuer.sign(
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            LoopbackIssuer.newKey(LoopbackIssuer.KEY_ID));

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> decoder.decode(token))
          .isInstanceOf(TokenIssuerUnavailableException.class)
          .hasRootCauseInstanceOf(ConnectException.class)
          .hasMessageNotContaining(token);
    }
  }

  @Test
  void failedDiscoveryOrKeySetFetchIsUnavailable() {
    JwtDecoder discovery =
        unavailableIssuer(
            new JwtDecoderInitializationException(
                "Failed to lazily resolve the supplied JwtDecoder instance",
                new IllegalArgumentException("Unable to resolve the Configuration")));
    JwtDecoder keySet =
        unavailableIssuer(
            new JwtException(
                "An error occurred while attempting to decode the Jwt: 503",
                new RemoteKeySourceException("503 Service Unavailable", null)));

    assertThatThrownBy(() -> discovery.decode("t"))
        .isInstanceOf(TokenIssuerUnavailableException.class);
    assertThatThrownBy(() -> keySet.decode("t"))
        .isInstanceOf(TokenIssuerUnavailableException.class);
  }

  @Test
  void badTokensAndOtherDecoderFailuresPassUnchanged() {
    BadJwtException bad = new BadJwtException("Invalid signature");
    JwtException other = new JwtException("Unsupported algorithm");

    assertThatThrownBy(() -> unavailableIssuer(bad).decode("t")).isSameAs(bad);
    assertThatThrownBy(() -> unavailableIssuer(other).decode("t")).isSameAs(other);
  }

  private static JwtDecoder unavailableIssuer(RuntimeException failure) {
    return new IssuerAccessTokens.UnavailableIssuerDecoder(
        ISSUER,
        token -> {
          throw failure;
        });
  }

  /** A loopback port nothing listens on (it was free a moment ago). */
  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

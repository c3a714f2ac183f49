package io.customer360.apisecurity.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenID issuer on the loopback interface, shaped like an Amazon Cognito user pool, for tests
 * without the network. It serves its discovery document ({@code
 * <issuer>/.well-known/openid-configuration}) and JWK set ({@code <issuer>/.well-known/jwks.json})
 * over real HTTP (the JDK's server on 127.0.0.1, a free port) for an RSA key made at start, and
 * signs access tokens with the header and claims Cognito gives them. The issuer is {@code
 * http://127.0.0.1:<port>/<pool id>}. {@link #setAvailable(boolean) setAvailable(false)} makes it
 * answer both documents with a 503, as an issuer in an outage would.
 */
public final class LoopbackIssuer implements AutoCloseable {

  /** The user pool id in the issuer's path, as in a Cognito issuer. */
  public static final String POOL_ID = "us-east-1_LoopbackPool";

  /** The key id of the served key. */
  public static final String KEY_ID = "loopback-key-1";

  private final HttpServer server;
  private final RSAKey key;
  private final String issuerUri;
  private final AtomicInteger keySetRequests = new AtomicInteger();
  private volatile boolean available = true;

  private LoopbackIssuer(HttpServer server, RSAKey key) {
    this.server = server;
    this.key = key;
    this.issuerUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/" + POOL_ID;
  }

  /** Makes the key and starts serving. */
  public static LoopbackIssuer start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      LoopbackIssuer issuer = new LoopbackIssuer(server, newKey(KEY_ID));
      server.createContext(
          "/" + POOL_ID + "/.well-known/openid-configuration",
          exchange -> {
            if (issuer.available) {
              respond(exchange, issuer.discoveryDocument());
            } else {
              unavailable(exchange);
            }
          });
      server.createContext(
          "/" + POOL_ID + "/.well-known/jwks.json",
          exchange -> {
            if (issuer.available) {
              issuer.keySetRequests.incrementAndGet();
              respond(exchange, new JWKSet(issuer.key.toPublicJWK()).toString());
            } else {
              unavailable(exchange);
            }
          });
      server.start();
      return issuer;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the loopback issuer", e);
    }
  }

  /** The issuer, as the tokens' {@code iss} claim names it. */
  public String issuerUri() {
    return issuerUri;
  }

  /**
   * Whether the issuer serves its discovery document and JWK set ({@code true}, from the start) or
   * answers both with a 503 ({@code false}).
   */
  public void setAvailable(boolean available) {
    this.available = available;
  }

  /** How often the JWK set was served. */
  public int keySetRequests() {
    return keySetRequests.get();
  }

  /**
   * The claims of a Cognito access token (client credentials) of app client {@code clientId} with
   * the space-separated {@code scope}, valid for five minutes from now.
   */
  public JWTClaimsSet.Builder accessTokenClaims(String clientId, String scope) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .subject(clientId)
        .claim("token_use", "access")
        .claim("scope", scope)
        .claim("auth_time", now.getEpochSecond())
        .issuer(issuerUri)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("version", 2)
        .jwtID(UUID.randomUUID().toString())
        .claim("client_id", clientId);
  }

  /** A valid access token of {@code clientId} with {@code scope}, signed with the served key. */
  public String accessToken(String clientId, String scope) {
    return sign(accessTokenClaims(clientId, scope).build());
  }

  /** {@code claims} signed RS256 with the served key. */
  public String sign(JWTClaimsSet claims) {
    return sign(claims, key);
  }

  /** {@code claims} signed RS256 with {@code signingKey}, naming its key id as Cognito does. */
  public static String sign(JWTClaimsSet claims, RSAKey signingKey) {
    try {
      SignedJWT token =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
              claims);
      token.sign(new RSASSASigner(signingKey));
      return token.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a test token", e);
    }
  }

  /** A new 2048-bit RSA key with id {@code keyId}. */
  public static RSAKey newKey(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot make an RSA key", e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private String discoveryDocument() {
    return """
        {"issuer":"%1$s","jwks_uri":"%1$s/.well-known/jwks.json",\
        "response_types_supported":["code","token"],"subject_types_supported":["public"],\
        "id_token_signing_alg_values_supported":["RS256"]}"""
        .formatted(issuerUri);
  }

  private static void unavailable(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(503, -1);
    exchange.close();
  }

  private static void respond(HttpExchange exchange, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}

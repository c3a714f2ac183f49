package io.customer360.datagen.format;

import io.customer360.datagen.session.ClickEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Renders web requests as Apache combined-log lines converted by the Kinesis Agent's LOGTOJSON
 * (COMBINEDAPACHELOG): every value a string, {@code -} for none. Four web servers serve the shop; a
 * session sticks to one. web-1 and web-2 log in UTC, web-3 and web-4 in UTC-05:00.
 */
public final class WeblogFormat {

  /** Number of web servers. */
  public static final int SERVERS = 4;

  private static final ZoneOffset EAST = ZoneOffset.ofHours(-5);

  private WeblogFormat() {}

  /** The web server (and Kinesis partition key) serving a session. */
  public static String server(String sessionId) {
    return "web-" + (1 + Math.floorMod(sessionId.hashCode(), SERVERS));
  }

  /** The log record of a web clickstream event. */
  public static Map<String, Object> fromEvent(ClickEvent e, SplittableRandom rng) {
    String method =
        switch (e.eventType()) {
          case "add_to_cart", "remove_from_cart", "checkout", "coupon_redeem" -> "POST";
          default -> "GET";
        };
    String path = e.page();
    if (e.utm() != null) {
      path +=
          "?utm_source="
              + e.utm().source()
              + "&utm_medium="
              + e.utm().medium()
              + "&utm_campaign="
              + e.utm().campaign();
    }
    int status = "ad_click".equals(e.eventType()) ? 302 : 200;
    String bytes = status == 302 ? "-" : Integer.toString(800 + rng.nextInt(60_000));
    return record(
        e.visitor().ip(),
        server(e.sessionId()),
        e.occurredAt(),
        method + " " + path + " HTTP/1.1",
        status,
        bytes,
        e.referrer(),
        e.visitor().userAgent());
  }

  /** A crawler request for a missing page. */
  public static Map<String, Object> botRequest(Instant at, String server, SplittableRandom rng) {
    String[] paths = {"/wp-login.php", "/.env", "/robots.txt", "/old-catalog.html", "/xmlrpc.php"};
    String path = paths[rng.nextInt(paths.length)];
    int status = path.equals("/robots.txt") ? 200 : 404;
    return record(
        "192.0.2." + (1 + rng.nextInt(254)),
        server,
        at,
        "GET " + path + " HTTP/1.1",
        status,
        Integer.toString(150 + rng.nextInt(400)),
        null,
        "Mozilla/5.0 (compatible; ExampleBot/2.1)");
  }

  private static Map<String, Object> record(
      String clientIp,
      String server,
      Instant at,
      String request,
      int status,
      String bytes,
      String referer,
      String agent) {
    ZoneOffset zone = server.equals("web-3") || server.equals("web-4") ? EAST : ZoneOffset.UTC;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("host", clientIp);
    m.put("ident", "-");
    m.put("authuser", "-");
    m.put("datetime", Timestamps.APACHE.format(at.atOffset(zone)));
    m.put("request", request);
    m.put("response", Integer.toString(status));
    m.put("bytes", bytes);
    m.put("referer", referer == null ? "-" : referer);
    m.put("agent", agent);
    return m;
  }
}

package io.customer360.datagen.session;

/**
 * Who is browsing: a known customer or an anonymous visitor.
 *
 * @param customerId CRM id, or null for an anonymous visitor
 * @param anonymousId device cookie id
 * @param zip visitor's zip code
 * @param device web, ios or android
 * @param userAgent User-Agent header
 * @param ip client IP address
 */
public record Visitor(
    String customerId, String anonymousId, String zip, String device, String userAgent, String ip) {

  /** The User-Agent a device sends. */
  public static String userAgentFor(String device) {
    return switch (device) {
      case "ios" -> "C360Shop/5.2 (iPhone; iOS 17.4; Scale/3.00)";
      case "android" -> "C360Shop/5.2 (Linux; Android 14; Pixel 8)";
      default ->
          "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
              + " Chrome/126.0 Safari/537.36";
    };
  }
}

package io.customer360.transform.silver;

import java.util.List;
import java.util.Map;

/**
 * Columns silver derives from a dataset's fields beyond type conversion. The Apache request line
 * ({@code GET /p?q=1 HTTP/1.1}) becomes method, path, query and protocol, so analysts never parse
 * it again.
 */
final class Derivations {

  private static final String REQUEST = "\"t_request\"";
  private static final String REQUEST_LINE = "'^(\\S+)\\s+([^?\\s]*)(?:\\?(\\S*))?\\s+(\\S+)$'";

  private static final Map<String, List<String>> BY_DATASET =
      Map.of(
          "weblog",
          List.of(
              part(1, "request_method"),
              part(2, "request_path"),
              part(3, "request_query"),
              part(4, "request_protocol")));

  private Derivations() {}

  static List<String> names(String dataset) {
    return columns(dataset).stream().map(c -> c.substring(c.lastIndexOf(" AS ") + 4)).toList();
  }

  static List<String> columns(String dataset) {
    return BY_DATASET.getOrDefault(dataset, List.of());
  }

  private static String part(int group, String name) {
    return "nullif(regexp_extract("
        + REQUEST
        + ", "
        + REQUEST_LINE
        + ", "
        + group
        + "), '') AS "
        + name;
  }
}

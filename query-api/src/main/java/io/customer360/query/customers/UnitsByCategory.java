package io.customer360.query.customers;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code customer_features.units_by_category}, a JSON object of widgets per category. */
final class UnitsByCategory {

  private final JsonMapper json;

  UnitsByCategory(JsonMapper json) {
    this.json = json;
  }

  /** The widgets per category, or an empty map for a missing or malformed value. */
  Map<String, Integer> parse(String text) {
    if (text == null || text.isBlank()) {
      return Map.of();
    }
    try {
      return json.readValue(text, new TypeReference<Map<String, Integer>>() {});
    } catch (JacksonException e) {
      return Map.of(); // shown as unknown rather than failing the whole answer
    }
  }
}

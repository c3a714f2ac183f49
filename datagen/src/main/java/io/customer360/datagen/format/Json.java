package io.customer360.datagen.format;

import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** One shared JSON writer; maps keep insertion order, so output is stable. */
public final class Json {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  /** The compact JSON text of a map. */
  public static String write(Map<String, ?> value) {
    return MAPPER.writeValueAsString(value);
  }

  /** The shared mapper. */
  public static JsonMapper mapper() {
    return MAPPER;
  }
}

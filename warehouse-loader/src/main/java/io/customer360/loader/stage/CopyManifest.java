package io.customer360.loader.stage;

import io.customer360.common.lake.S3Uri;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Redshift COPY manifest: every file of a batch, mandatory, with its size ({@code
 * meta.content_length}, which COPY requires for Parquet).
 *
 * @param entries the files
 */
public record CopyManifest(List<Entry> entries) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public CopyManifest {
    entries = List.copyOf(entries);
  }

  /**
   * One file.
   *
   * @param location the object
   * @param contentLength its size in bytes
   */
  public record Entry(S3Uri location, long contentLength) {}

  /** The manifest as Redshift reads it. */
  public String json() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Entry entry : entries) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("url", entry.location().toString());
      item.put("mandatory", true);
      item.put("meta", Map.of("content_length", entry.contentLength()));
      list.add(item);
    }
    return JSON.writeValueAsString(Map.of("entries", list));
  }
}

package io.customer360.query.web;

import org.springframework.web.util.UriComponentsBuilder;

/** Builds the relative drill-down links the API returns with summary rows. */
public final class Links {

  private final UriComponentsBuilder uri;

  private Links(String path) {
    this.uri = UriComponentsBuilder.fromPath(path);
  }

  /** A link to {@code path} (may contain {@code {}} placeholders filled by {@link #build}). */
  public static Links to(String path) {
    return new Links(path);
  }

  /** Adds {@code name=value} unless the value is null. */
  public Links param(String name, Object value) {
    if (value != null) {
      uri.queryParam(name, value);
    }
    return this;
  }

  /** Adds {@code from} and {@code to}. */
  public Links period(DateRange period) {
    return param("from", period.from()).param("to", period.to());
  }

  /** The encoded relative URI, path placeholders replaced by {@code pathValues} in order. */
  public String build(Object... pathValues) {
    return uri.encode().buildAndExpand(pathValues).toUriString();
  }
}

package io.customer360.query.web;

/**
 * A validated page request.
 *
 * @param page zero-based page number
 * @param size rows per page
 */
public record Paging(int page, int size) {

  /** Rows to skip. */
  public long offset() {
    return (long) page * size;
  }
}

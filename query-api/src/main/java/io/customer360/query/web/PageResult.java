package io.customer360.query.web;

import java.util.List;

/**
 * One page of rows.
 *
 * @param items the rows of this page
 * @param page zero-based page number
 * @param size requested page size
 * @param totalItems rows over all pages
 * @param totalPages pages over all rows
 * @param sort the sort applied, {@code field,direction}
 */
public record PageResult<T>(
    List<T> items, int page, int size, long totalItems, int totalPages, String sort) {

  public PageResult {
    items = List.copyOf(items);
  }

  /** A page of {@code items} out of {@code totalItems}. */
  public static <T> PageResult<T> of(
      List<T> items, Paging paging, long totalItems, SortOrder sort) {
    int pages = (int) ((totalItems + paging.size() - 1) / paging.size());
    return new PageResult<>(items, paging.page(), paging.size(), totalItems, pages, sort.label());
  }
}

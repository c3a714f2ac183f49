package io.customer360.query.meta;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The warehouse's extent and freshness, for the dashboard's period picker and filters. */
@RestController
@Tag(name = "meta")
class MetaController {

  private final MetaQueries queries;

  MetaController(MetaQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/api/v1/meta")
  @Operation(
      summary = "Data range, filter values and load freshness",
      description =
          "First and last order day, the latest purchase minute, categories, states and the"
              + " last load of each gold model. Cached briefly like the aggregates.")
  Meta meta() {
    return queries.meta();
  }
}

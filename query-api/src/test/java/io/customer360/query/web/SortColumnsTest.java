package io.customer360.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customer360.apisecurity.problem.InvalidParameterException;
import org.junit.jupiter.api.Test;

class SortColumnsTest {

  static final SortColumns COLUMNS =
      SortColumns.defaultTo("revenue", true)
          .allow("revenue", "revenue")
          .allow("zip", "zip")
          .tiebreaker("zip, category");

  @Test
  void blankSortIsTheDefault() {
    assertThat(COLUMNS.parse(null).sql()).isEqualTo("revenue DESC NULLS LAST, zip, category");
    assertThat(COLUMNS.parse(" ").label()).isEqualTo("revenue,desc");
  }

  @Test
  void allowedFieldMapsToItsColumnWithDirection() {
    assertThat(COLUMNS.parse("zip,DESC").sql()).isEqualTo("zip DESC NULLS LAST, zip, category");
    assertThat(COLUMNS.parse("zip").label()).isEqualTo("zip,asc");
    assertThat(COLUMNS.parse("revenue").label()).isEqualTo("revenue,desc");
  }

  @Test
  void anythingElseIsRejectedNamingTheSortParameter() {
    for (String bad :
        new String[] {
          "email_hash", "revenue,up", "revenue,desc,zip", "revenue; DROP TABLE x", "1"
        }) {
      assertThatThrownBy(() -> COLUMNS.parse(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              InvalidParameterException.class,
              e -> {
                assertThat(e.parameter()).isEqualTo("sort");
                assertThat(e.getMessage()).contains("revenue, zip");
              });
    }
  }
}

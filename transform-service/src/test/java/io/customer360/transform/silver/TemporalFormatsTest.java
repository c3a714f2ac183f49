package io.customer360.transform.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TemporalFormatsTest {

  @Test
  void optionalSectionsExpandIntoFormatsWithAndWithoutThem() {
    assertThat(TemporalFormats.strptimeFormats("yyyy-MM-dd HH:mm:ss[.SSS]"))
        .containsExactly("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%g");
    assertThat(TemporalFormats.strptimeFormats("dd/MMM/yyyy:HH:mm:ss Z"))
        .containsExactly("%d/%b/%Y:%H:%M:%S %z");
  }

  @Test
  void widthIsTheLengthOfEveryTextAFormatParsesOrMinusOneWhenItVaries() {
    assertThat(TemporalFormats.width("%Y-%m-%d %H:%M:%S")).isEqualTo(19);
    assertThat(TemporalFormats.width("%Y-%m-%d %H:%M:%S.%g")).isEqualTo(23);
    assertThat(TemporalFormats.width("%Y-%m-%dT%H:%M:%S.%g%z"))
        .isEqualTo("2026-01-01T10:00:00.123+00:00".length());
    assertThat(TemporalFormats.width("%d/%b/%Y:%H:%M:%S %z"))
        .isEqualTo("10/Oct/2026:13:55:36 -07:00".length());
    assertThat(TemporalFormats.width("%-d.%m.%Y")).isEqualTo(-1);
    assertThat(TemporalFormats.width("%-d.%-d.%-d.%Y")).isEqualTo(-1);
  }

  @Test
  void patternsSilverCannotParseAreRefused() {
    assertThatThrownBy(() -> TemporalFormats.strptimeFormats("yyyy-ww"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ww'");
  }
}

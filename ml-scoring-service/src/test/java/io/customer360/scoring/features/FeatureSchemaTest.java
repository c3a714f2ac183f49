package io.customer360.scoring.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureSchemaTest {

  @Test
  void documentRoundTripKeepsOrderAndTypes() {
    FeatureSchema schema =
        new FeatureSchema(
            List.of(
                new FeatureColumn("b_recency", FeatureType.INT),
                new FeatureColumn("a_spend", FeatureType.FLOAT),
                new FeatureColumn("c_flag", FeatureType.INDICATOR)));

    FeatureSchema back = FeatureSchema.fromDocument(schema.toDocument());

    assertThat(back).isEqualTo(schema);
    assertThat(back.names()).containsExactly("b_recency", "a_spend", "c_flag");
    assertThat(back.typeCodes()).containsExactly("int", "float", "i");
  }

  @Test
  void refusesUnknownTypesNamingTheFeature() {
    Map<String, Object> doc = Map.of("features", List.of(Map.of("name", "region", "type", "c")));

    assertThatThrownBy(() -> FeatureSchema.fromDocument(doc))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("features[region]")
        .hasMessageContaining("unknown type 'c'");
  }

  @Test
  void refusesDuplicateAndMissingNames() {
    assertThatThrownBy(
            () ->
                new FeatureSchema(
                    List.of(
                        new FeatureColumn("x", FeatureType.FLOAT),
                        new FeatureColumn("x", FeatureType.INT))))
        .hasMessageContaining("Duplicate feature 'x'");
    assertThatThrownBy(() -> FeatureSchema.fromDocument(Map.of("features", List.of(Map.of()))))
        .hasMessageContaining("features[0] needs a string 'name'");
    assertThatThrownBy(() -> FeatureSchema.fromDocument(Map.of()))
        .hasMessageContaining("'features' array");
  }

  @Test
  void acceptsQuantitativeTypeOfOtherTools() {
    Map<String, Object> doc = Map.of("features", List.of(Map.of("name", "x", "type", "q")));
    assertThat(FeatureSchema.fromDocument(doc).get(0).type()).isEqualTo(FeatureType.QUANTITATIVE);
  }
}

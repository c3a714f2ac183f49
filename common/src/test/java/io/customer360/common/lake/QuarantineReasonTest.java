package io.customer360.common.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.lake.BronzeEnvelope.PayloadStatus;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class QuarantineReasonTest {

  @Test
  void everyFixedCodeIsSnakeCaseAndReadsBackToItsReason() {
    for (QuarantineReason reason : QuarantineReason.values()) {
      assertThat(reason.code()).matches("[a-z][a-z0-9_]*");
      assertThat(QuarantineReason.ofCode(reason.code())).hasValue(reason);
      assertThat(reason.meaning()).isNotBlank();
    }
    assertThat(QuarantineReason.TRUNCATED_GZIP.code()).isEqualTo("truncated_gzip");
  }

  @Test
  void fieldCodesNameTheField() {
    assertThat(QuarantineReason.missingField("order_id")).isEqualTo("missing_field:order_id");
    assertThat(QuarantineReason.badType("quantity")).isEqualTo("bad_type:quantity");
    assertThat(QuarantineReason.unknownValue("event_type")).isEqualTo("unknown_event_type");
    assertThat(QuarantineReason.ofCode("missing_field:order_id")).isEmpty();
  }

  @Test
  void everyPayloadStatusButOkIsQuarantinedWithAReason() {
    assertThat(PayloadStatus.OK.code()).isEqualTo("ok");
    assertThat(PayloadStatus.OK.quarantine()).isNull();
    assertThat(PayloadStatus.INVALID_JSON.quarantine())
        .isEqualTo(QuarantineReason.UNPARSEABLE_JSON);
    assertThat(
            Arrays.stream(PayloadStatus.values())
                .filter(s -> s != PayloadStatus.OK)
                .allMatch(s -> s.quarantine() != null))
        .isTrue();
  }
}

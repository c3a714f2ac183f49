package io.customer360.query.realtime;

import io.customer360.query.web.ParameterPatterns;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The window and filters of the real-time purchase trend.
 *
 * @param hours length of the window, 1 to c360.query-api.max-trend-hours (default 1)
 * @param until end of the window, exclusive (default: the end of the current minute)
 * @param bucketMinutes points of 1 (default), 5, 15 or 60 minutes
 * @param channel web, ios or android
 * @param category product category
 * @param state ship state
 */
public record TrendParams(
    @Parameter(description = "Window length in hours, 1 to 72. Default 1.") @Min(1) Integer hours,
    @Parameter(description = "End of the window, exclusive. Default: end of the current minute.")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        Instant until,
    @Parameter(description = "1 (default), 5, 15 or 60.") @Pattern(regexp = "1|5|15|60")
        String bucketMinutes,
    @Parameter(description = "web, ios or android.") @Pattern(regexp = ParameterPatterns.CHANNEL)
        String channel,
    @Parameter(description = "Product category.") @Pattern(regexp = ParameterPatterns.CATEGORY)
        String category,
    @Parameter(description = "Ship state.") @Pattern(regexp = ParameterPatterns.STATE)
        String state) {

  /** Minutes per point. */
  int bucketMinutesOrDefault() {
    return bucketMinutes == null ? 1 : Integer.parseInt(bucketMinutes);
  }

  /** Whether any filter needs the order lines (the per-minute aggregate has no dimensions). */
  boolean filtered() {
    return channel != null || category != null || state != null;
  }
}

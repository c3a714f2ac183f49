package io.customer360.query.customers;

import io.customer360.apisecurity.problem.NotFoundException;
import io.customer360.query.config.PiiScope;
import io.customer360.query.web.PageParams;
import io.customer360.query.web.ParameterPatterns;
import io.customer360.query.web.PeriodParams;
import io.customer360.query.web.RequestResolver;
import io.customer360.query.web.SortColumns;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The customer 360 profile and a customer's running totals. */
@RestController
@Tag(name = "customers")
class CustomerProfileController {

  static final SortColumns SNAPSHOT_SORT =
      SortColumns.defaultTo("snapshotDate", false)
          .allow("snapshotDate", "snapshot_date")
          .allow("spendTotal", "spend_total")
          .tiebreaker("snapshot_date");

  private final CustomerProfileQueries profiles;
  private final RunningTotalsQueries runningTotals;
  private final RequestResolver requests;

  CustomerProfileController(
      CustomerProfileQueries profiles,
      RunningTotalsQueries runningTotals,
      RequestResolver requests) {
    this.profiles = profiles;
    this.runningTotals = runningTotals;
    this.requests = requests;
  }

  @GetMapping("/api/v1/customers/{customerId}")
  @Operation(
      summary = "Customer 360 profile",
      description =
          "Current CRM attributes, the running totals and activity of the latest daily feature"
              + " snapshot, segment and churn score. `personal` (name tokens, email and phone hashes, birth-year band,"
              + " city, zip) is present only for callers with the PII scope: an API client listed"
              + " in c360.security.pii-clients, a JWT with scope pii:read, or in AWS a Cognito"
              + " access token with scope c360/pii. The warehouse holds no raw names, emails or"
              + " phones at all.")
  CustomerProfile profile(
      @PathVariable @Pattern(regexp = ParameterPatterns.ID) String customerId,
      Authentication caller) {
    CustomerProfile profile =
        profiles
            .profile(customerId)
            .orElseThrow(() -> new NotFoundException("customerId", "No customer " + customerId));
    return PiiScope.SCOPE.grantedTo(caller) ? profile : profile.withoutPersonal();
  }

  @GetMapping("/api/v1/customers/{customerId}/running-totals")
  @Operation(
      summary = "A customer's running totals over a period",
      description =
          "The daily snapshots of the period: widgets per category, orders, spend, average spend"
              + " per sale and per month, coupons applied and total coupon value, each to the end"
              + " of its day, and the newest of them. Sort by snapshotDate (default, asc) or"
              + " spendTotal.")
  RunningTotals runningTotals(
      @PathVariable @Pattern(regexp = ParameterPatterns.ID) String customerId,
      @ParameterObject @Valid PeriodParams period,
      @ParameterObject @Valid PageParams page) {
    RunningTotalsQuery query =
        new RunningTotalsQuery(
            customerId,
            requests.period(period),
            requests.sort(page, SNAPSHOT_SORT),
            requests.paging(page));
    if (!profiles.exists(customerId)) {
      throw new NotFoundException("customerId", "No customer " + customerId);
    }
    return runningTotals.runningTotals(query);
  }
}

package io.customer360.query.customers;

import static io.customer360.query.sql.Rows.date;
import static io.customer360.query.sql.Rows.instant;
import static io.customer360.query.sql.Rows.nullableDouble;
import static io.customer360.query.sql.Rows.nullableInt;

import io.customer360.query.web.Links;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one customer's 360 profile from {@code analytics.customers}, {@code customer_features},
 * {@code customer_segments} and {@code churn_scores}, all keyed by customer. Not cached: it may
 * carry personal identifiers.
 */
@Repository
public class CustomerProfileQueries {

  private static final String CUSTOMER =
      """
      SELECT customer_id, state, loyalty_tier, signup_date, marketing_opt_in, updated_at,
             first_name_token, last_name_token, email_hash, phone_hash, birth_year_band, city, zip
      FROM analytics.customers WHERE customer_id = :customerId
      """;
  private static final String FEATURES =
      """
      SELECT snapshot_date, orders_total, units_total, units_by_category, spend_total,
             avg_spend_per_order, avg_spend_per_month, coupons_applied, coupon_value_total,
             recency_days, returns_count, return_rate, sessions_30d, browse_to_buy_30d
      FROM analytics.customer_features WHERE customer_id = :customerId
      ORDER BY snapshot_date DESC LIMIT 1
      """;
  private static final String SEGMENT =
      """
      SELECT snapshot_date, segment, rfm_cell, ltv_estimate
      FROM analytics.customer_segments WHERE customer_id = :customerId
      ORDER BY snapshot_date DESC LIMIT 1
      """;
  private static final String CHURN =
      """
      SELECT score, risk_band, model_version, scored_at
      FROM analytics.churn_scores WHERE customer_id = :customerId
      ORDER BY scored_at DESC, model_version DESC LIMIT 1
      """;

  private final NamedParameterJdbcOperations jdbc;
  private final UnitsByCategory units;

  public CustomerProfileQueries(NamedParameterJdbcOperations jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.units = new UnitsByCategory(json);
  }

  /** The full profile, personal identifiers included, or empty for an unknown customer. */
  public Optional<CustomerProfile> profile(String customerId) {
    MapSqlParameterSource params = new MapSqlParameterSource("customerId", customerId);
    List<CustomerProfile> found = jdbc.query(CUSTOMER, params, (rs, i) -> customer(rs, params));
    return found.stream().findFirst();
  }

  /** Whether the warehouse knows the customer. */
  public boolean exists(String customerId) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM analytics.customers WHERE customer_id = :customerId",
            new MapSqlParameterSource("customerId", customerId),
            Integer.class);
    return n != null && n > 0;
  }

  private CustomerProfile customer(ResultSet rs, MapSqlParameterSource params) throws SQLException {
    String id = rs.getString("customer_id");
    Optional<ProfileFeatures> latest = features(params);
    CustomerProfile.Personal personal =
        new CustomerProfile.Personal(
            rs.getString("first_name_token"),
            rs.getString("last_name_token"),
            rs.getString("email_hash"),
            rs.getString("phone_hash"),
            rs.getString("birth_year_band"),
            rs.getString("city"),
            rs.getString("zip"));
    return new CustomerProfile(
        id,
        rs.getString("state"),
        rs.getString("loyalty_tier"),
        date(rs, "signup_date"),
        (Boolean) rs.getObject("marketing_opt_in"),
        instant(rs, "updated_at"),
        latest.map(ProfileFeatures::totals).orElse(null),
        latest.map(ProfileFeatures::activity).orElse(null),
        segment(params),
        churn(params),
        personal,
        Map.of(
            "orderLines", Links.to("/api/v1/order-lines").param("customerId", id).build(),
            "runningTotals", Links.to("/api/v1/customers/{id}/running-totals").build(id)));
  }

  private Optional<ProfileFeatures> features(MapSqlParameterSource params) {
    return jdbc
        .query(
            FEATURES,
            params,
            (rs, i) ->
                new ProfileFeatures(
                    RunningTotalsQueries.snapshot(rs, units),
                    new CustomerProfile.Activity(
                        nullableInt(rs, "recency_days"),
                        rs.getInt("returns_count"),
                        nullableDouble(rs, "return_rate"),
                        rs.getInt("sessions_30d"),
                        nullableDouble(rs, "browse_to_buy_30d"))))
        .stream()
        .findFirst();
  }

  private CustomerProfile.Segment segment(MapSqlParameterSource params) {
    return jdbc
        .query(
            SEGMENT,
            params,
            (rs, i) ->
                new CustomerProfile.Segment(
                    date(rs, "snapshot_date"),
                    rs.getString("segment"),
                    rs.getString("rfm_cell"),
                    rs.getBigDecimal("ltv_estimate")))
        .stream()
        .findFirst()
        .orElse(null);
  }

  private CustomerProfile.Churn churn(MapSqlParameterSource params) {
    return jdbc
        .query(
            CHURN,
            params,
            (rs, i) ->
                new CustomerProfile.Churn(
                    rs.getDouble("score"),
                    rs.getString("risk_band"),
                    rs.getString("model_version"),
                    instant(rs, "scored_at")))
        .stream()
        .findFirst()
        .orElse(null);
  }

  private record ProfileFeatures(
      RunningTotals.Snapshot totals, CustomerProfile.Activity activity) {}
}

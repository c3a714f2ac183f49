package io.customer360.query.marketing;

import static io.customer360.query.sql.Rows.date;

import io.customer360.query.config.CacheConfiguration;
import io.customer360.query.sql.PagedSql;
import io.customer360.query.sql.SqlWhere;
import io.customer360.query.web.Links;
import io.customer360.query.web.PageResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Repository;

/**
 * Coupon redemptions from {@code analytics.coupon_redemptions_daily} and campaign referrals from
 * {@code analytics.campaign_referrals_daily}.
 */
@Repository
public class MarketingQueries {

  private static final String COUPONS =
      """
      SELECT %s AS category, %s AS coupon_code, %s AS campaign_id,
             SUM(redemptions) AS redemptions, SUM(discount_amount) AS discount_amount,
             SUM(revenue) AS revenue
      FROM analytics.coupon_redemptions_daily
      WHERE %s
      GROUP BY %s
      """;
  private static final String REFERRALS =
      """
      SELECT campaign_id, MAX(utm_campaign) AS utm_campaign, MAX(utm_source) AS utm_source,
             MAX(utm_medium) AS utm_medium, MAX(promoted_category) AS promoted_category,
             SUM(sessions) AS sessions, SUM(visitors) AS visitor_days, SUM(orders) AS orders,
             SUM(revenue) AS revenue
      FROM analytics.campaign_referrals_daily
      WHERE %s
      GROUP BY campaign_id
      """;
  private static final String CAMPAIGN_DAYS =
      """
      SELECT referral_date, sessions, visitors, orders, revenue
      FROM analytics.campaign_referrals_daily
      WHERE %s
      """;
  private static final String NO_VALUE = "CAST(NULL AS VARCHAR(64))";

  private final PagedSql paged;

  public MarketingQueries(NamedParameterJdbcOperations jdbc) {
    this.paged = new PagedSql(jdbc);
  }

  /** Coupon redemptions per category, coupon, or both. */
  @Cacheable(CacheConfiguration.AGGREGATES)
  public PageResult<CouponRedemptions> couponRedemptions(MarketingQuery query) {
    MarketingFilter f = query.filter();
    SqlWhere where =
        period(query, "redemption_date")
            .equalIfPresent("category", "category", f.category())
            .equalIfPresent("coupon_code", "couponCode", f.couponCode())
            .equalIfPresent("campaign_id", "campaignId", f.campaignId());
    String groupBy =
        f.byCategory() && f.byCoupon()
            ? "category, coupon_code"
            : f.byCoupon() ? "coupon_code" : "category";
    String sql =
        COUPONS.formatted(
            f.byCategory() ? "category" : NO_VALUE,
            f.byCoupon() ? "coupon_code" : NO_VALUE,
            f.byCoupon() ? "MAX(campaign_id)" : NO_VALUE,
            where.sql(),
            groupBy);
    return paged.page(
        sql,
        where.params(),
        query.sort(),
        query.paging(),
        (rs, i) -> {
          String category = rs.getString("category");
          String coupon = rs.getString("coupon_code");
          return new CouponRedemptions(
              category,
              coupon,
              rs.getString("campaign_id"),
              rs.getLong("redemptions"),
              rs.getBigDecimal("discount_amount"),
              rs.getBigDecimal("revenue"),
              couponLinks(query, category, coupon));
        });
  }

  /** What each campaign referred over the period. */
  @Cacheable(CacheConfiguration.AGGREGATES)
  public PageResult<CampaignReferral> campaignReferrals(MarketingQuery query) {
    MarketingFilter f = query.filter();
    SqlWhere where =
        period(query, "referral_date")
            .equalIfPresent("campaign_id", "campaignId", f.campaignId())
            .equalIfPresent("utm_source", "utmSource", f.utmSource())
            .equalIfPresent("utm_medium", "utmMedium", f.utmMedium());
    return paged.page(
        REFERRALS.formatted(where.sql()),
        where.params(),
        query.sort(),
        query.paging(),
        (rs, i) -> {
          String campaign = rs.getString("campaign_id");
          long sessions = rs.getLong("sessions");
          long orders = rs.getLong("orders");
          return new CampaignReferral(
              campaign,
              rs.getString("utm_campaign"),
              rs.getString("utm_source"),
              rs.getString("utm_medium"),
              rs.getString("promoted_category"),
              sessions,
              rs.getLong("visitor_days"),
              orders,
              rs.getBigDecimal("revenue"),
              sessions == 0 ? null : (double) orders / sessions,
              Map.of(
                  "daily",
                  Links.to("/api/v1/marketing/campaign-referrals/{id}/daily")
                      .period(query.period())
                      .build(campaign),
                  "sessions",
                  Links.to("/api/v1/engagement/sessions/list")
                      .period(query.period())
                      .param("campaignId", campaign)
                      .build()));
        });
  }

  /** One campaign's referrals day by day. */
  public PageResult<CampaignDay> campaignDays(MarketingQuery query) {
    SqlWhere where =
        period(query, "referral_date")
            .equalIfPresent("campaign_id", "campaignId", query.campaignId());
    return paged.page(
        CAMPAIGN_DAYS.formatted(where.sql()),
        where.params(),
        query.sort(),
        query.paging(),
        (rs, i) ->
            new CampaignDay(
                date(rs, "referral_date"),
                rs.getLong("sessions"),
                rs.getLong("visitors"),
                rs.getLong("orders"),
                rs.getBigDecimal("revenue")));
  }

  private static SqlWhere period(MarketingQuery query, String dateColumn) {
    return new SqlWhere()
        .and(dateColumn + " BETWEEN :from AND :to")
        .bind("from", query.period().from())
        .bind("to", query.period().to());
  }

  private static Map<String, String> couponLinks(
      MarketingQuery query, String category, String coupon) {
    Map<String, String> links = new LinkedHashMap<>();
    links.put(
        "orderLines",
        Links.to("/api/v1/order-lines")
            .period(query.period())
            .param("category", category)
            .param("couponCode", coupon)
            .build());
    if (coupon == null) {
      links.put(
          "coupons",
          Links.to("/api/v1/marketing/coupon-redemptions")
              .period(query.period())
              .param("groupBy", "category_coupon")
              .param("category", category)
              .build());
    }
    return links;
  }
}

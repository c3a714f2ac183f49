package io.customer360.query.web;

import io.customer360.query.config.ApiSecurityConfiguration;
import io.customer360.query.config.CacheConfiguration;
import io.customer360.query.config.WarehouseConfiguration;
import io.customer360.query.customers.CustomerProfileQueries;
import io.customer360.query.customers.RunningTotalsQueries;
import io.customer360.query.customers.TopSpenderQueries;
import io.customer360.query.engagement.EngagementQueries;
import io.customer360.query.geography.GeographyQueries;
import io.customer360.query.marketing.MarketingQueries;
import io.customer360.query.meta.MetaQueries;
import io.customer360.query.orders.OrderLineQueries;
import io.customer360.query.realtime.PurchaseTrendQueries;
import io.customer360.query.returns.ReturnsQueries;
import io.customer360.query.sales.SalesQueries;
import io.customer360.query.segments.SegmentQueries;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The web slice's wiring: the real security, cache and query components, connected to a warehouse
 * address where nothing listens. A request that reaches SQL therefore fails with a 503, so a 400 in
 * these tests proves the request was refused before any query ran.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({
  ApiSecurityConfiguration.class,
  CacheConfiguration.class,
  WarehouseConfiguration.class,
  CustomerProfileQueries.class,
  RunningTotalsQueries.class,
  TopSpenderQueries.class,
  EngagementQueries.class,
  GeographyQueries.class,
  MarketingQueries.class,
  MetaQueries.class,
  OrderLineQueries.class,
  PurchaseTrendQueries.class,
  ReturnsQueries.class,
  SalesQueries.class,
  SegmentQueries.class
})
class WebSliceSupport {

  static final String KEY = "slice-test-key-0f3e";

  @Bean
  DataSource unreachableWarehouse() {
    return new SimpleDriverDataSource(
        new org.postgresql.Driver(), "jdbc:postgresql://127.0.0.1:1/absent?connectTimeout=2");
  }
}

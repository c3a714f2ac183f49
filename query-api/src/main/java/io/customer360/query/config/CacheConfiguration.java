package io.customer360.query.config;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.customer360.query.QueryApiProperties;
import java.util.List;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.support.NoOpCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Short-lived caching of the heavy aggregates (cache {@value #AGGREGATES}): the dashboard asks the
 * same questions every few seconds, and the warehouse changes only when a batch lands. Keys are the
 * validated query records, so two callers asking the same question share one answer. Never holds
 * per-caller data such as PII. {@code c360.query-api.cache.ttl=0s} turns it off.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
public class CacheConfiguration {

  /** The cache of aggregate answers. */
  public static final String AGGREGATES = "aggregates";

  @Bean
  CacheManager cacheManager(QueryApiProperties properties) {
    if (properties.cache().ttl().isZero()) {
      return new NoOpCacheManager();
    }
    CaffeineCacheManager manager = new CaffeineCacheManager();
    manager.setCaffeine(
        Caffeine.newBuilder()
            .expireAfterWrite(properties.cache().ttl())
            .maximumSize(properties.cache().maxEntries())
            .recordStats());
    manager.setCacheNames(List.of(AGGREGATES));
    manager.setAllowNullValues(false);
    return manager;
  }
}

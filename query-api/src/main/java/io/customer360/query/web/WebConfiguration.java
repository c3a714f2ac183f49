package io.customer360.query.web;

import io.customer360.query.QueryApiProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Web wiring shared by every endpoint: the clock and request limits, the per-client rate limit on
 * {@code /api/**}, and {@code /} leading to the dashboard page.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

  private final QueryApiProperties properties;
  private final RateLimiter rateLimiter;

  public WebConfiguration(QueryApiProperties properties) {
    this.properties = properties;
    this.rateLimiter =
        new RateLimiter(
            properties.rateLimit().requestsPerSecond(),
            properties.rateLimit().burst(),
            System::nanoTime);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  RequestResolver requestResolver(Clock clock) {
    return new RequestResolver(properties, clock);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new RateLimitInterceptor(rateLimiter)).addPathPatterns("/api/**");
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/", "/dashboard/index.html");
    registry.addRedirectViewController("/dashboard", "/dashboard/index.html");
    registry.addRedirectViewController("/dashboard/", "/dashboard/index.html");
  }
}

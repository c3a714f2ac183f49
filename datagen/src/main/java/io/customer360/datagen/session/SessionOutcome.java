package io.customer360.datagen.session;

import io.customer360.datagen.commerce.OrderFactory;
import java.util.List;
import java.util.Optional;

/**
 * What one session produced.
 *
 * @param events the clickstream events in time order
 * @param placed the order it placed, or null
 */
public record SessionOutcome(List<ClickEvent> events, OrderFactory.Placed placed) {

  /** The order placed, if any. */
  public Optional<OrderFactory.Placed> order() {
    return Optional.ofNullable(placed);
  }
}

package io.customer360.datagen.session;

import io.customer360.datagen.random.Draw;
import io.customer360.datagen.world.Product;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/** Accumulates the events of one session, advancing its clock between events. */
final class SessionBuilder {

  private final Visitor visitor;
  private final String sessionId;
  private final SplittableRandom rng;
  private final List<ClickEvent> events = new ArrayList<>();
  private Instant clock;
  private String lastPage = "/";

  SessionBuilder(Visitor visitor, String sessionId, Instant start, SplittableRandom rng) {
    this.visitor = visitor;
    this.sessionId = sessionId;
    this.clock = start;
    this.rng = rng;
  }

  /** Optional fields of an event being added. */
  static final class Draft {
    private ClickEvent.Utm utm;
    private String searchQuery;
    private Product product;
    private Integer quantity;
    private String orderId;
    private String couponCode;
    private String campaignId;

    Draft utm(ClickEvent.Utm value) {
      utm = value;
      return this;
    }

    Draft searchQuery(String value) {
      searchQuery = value;
      return this;
    }

    Draft product(Product value, Integer qty) {
      product = value;
      quantity = qty;
      return this;
    }

    Draft orderId(String value) {
      orderId = value;
      return this;
    }

    Draft couponCode(String value) {
      couponCode = value;
      return this;
    }

    Draft campaignId(String value) {
      campaignId = value;
      return this;
    }
  }

  void add(String type, String page, String referrer, Consumer<Draft> fill) {
    if (!events.isEmpty()) {
      clock = clock.plusMillis(5_000 + rng.nextInt(115_000));
    }
    Draft d = new Draft();
    fill.accept(d);
    BigDecimal price = d.product == null ? null : d.product.price();
    events.add(
        new ClickEvent(
            "e-" + Draw.hex(rng, 24),
            type,
            sessionId,
            clock,
            visitor,
            page,
            referrer,
            d.utm,
            d.searchQuery,
            d.product == null ? null : d.product.id(),
            d.product == null ? null : d.product.category(),
            price,
            d.quantity,
            d.orderId,
            d.couponCode,
            d.campaignId));
    lastPage = page;
  }

  Visitor visitor() {
    return visitor;
  }

  String lastPage() {
    return lastPage;
  }

  Instant lastTime() {
    return clock;
  }

  List<ClickEvent> events() {
    return events;
  }
}

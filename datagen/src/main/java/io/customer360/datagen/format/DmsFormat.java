package io.customer360.datagen.format;

import io.customer360.datagen.commerce.Order;
import io.customer360.datagen.commerce.OrderLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders and order lines as AWS DMS writes them to S3 as CSV with a header: full-load files carry
 * the change-timestamp column (the load time) and the table columns; CDC files put the operation
 * (I, U, D) first.
 */
public final class DmsFormat {

  /** The orders table columns. */
  public static final List<String> ORDER_COLUMNS =
      List.of(
          "order_id",
          "customer_id",
          "order_ts",
          "status",
          "channel",
          "coupon_code",
          "campaign_id",
          "subtotal",
          "discount",
          "shipping",
          "tax",
          "total",
          "currency",
          "ship_zip");

  /** The order_items table columns. */
  public static final List<String> ITEM_COLUMNS =
      List.of(
          "order_item_id",
          "order_id",
          "product_id",
          "quantity",
          "unit_price",
          "discount",
          "created_at");

  private DmsFormat() {}

  /** The header of a full-load file ({@code cdc} false) or a CDC file. */
  public static List<String> header(List<String> columns, boolean cdc) {
    List<String> header = new ArrayList<>();
    if (cdc) {
      header.add("Op");
    }
    header.add("cdc_timestamp");
    header.addAll(columns);
    return header;
  }

  /** An orders row with this status, changed at {@code at}; {@code op} null for full load. */
  public static List<String> orderRow(String op, Instant at, Order o, String status) {
    List<String> row = new ArrayList<>();
    if (op != null) {
      row.add(op);
    }
    row.add(Timestamps.DMS.format(at));
    row.add(o.id());
    row.add(o.customerId());
    row.add(Timestamps.DMS.format(o.orderTs()));
    row.add(status);
    row.add(o.channel());
    row.add(o.couponCode());
    row.add(o.campaignId());
    row.add(o.subtotal().toPlainString());
    row.add(o.discount().toPlainString());
    row.add(o.shipping().toPlainString());
    row.add(o.tax().toPlainString());
    row.add(o.total().toPlainString());
    row.add("USD");
    row.add(o.shipZip());
    return row;
  }

  /** An order_items row; {@code op} null for full load. */
  public static List<String> itemRow(String op, Instant at, OrderLine l) {
    List<String> row = new ArrayList<>();
    if (op != null) {
      row.add(op);
    }
    row.add(Timestamps.DMS.format(at));
    row.add(l.itemId());
    row.add(l.orderId());
    row.add(l.productId());
    row.add(Integer.toString(l.quantity()));
    row.add(l.unitPrice().toPlainString());
    row.add(l.discount().toPlainString());
    row.add(Timestamps.DMS.format(l.createdAt()));
    return row;
  }
}

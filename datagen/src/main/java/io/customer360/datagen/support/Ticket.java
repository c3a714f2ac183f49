package io.customer360.datagen.support;

import java.time.Instant;

/**
 * A support ticket as it was opened.
 *
 * @param id ticket id
 * @param customerIndex index of the requester
 * @param customerId CRM id of the requester
 * @param customerEmail the email the requester wrote from, in its original case
 * @param createdAt when it was opened
 * @param channel email, chat, phone or web
 * @param category delivery, billing, product, returns, account or other
 * @param priority low, normal, high or urgent
 * @param subject free text
 */
public record Ticket(
    String id,
    int customerIndex,
    String customerId,
    String customerEmail,
    Instant createdAt,
    String channel,
    String category,
    String priority,
    String subject) {}

package io.customer360.datagen.support;

import java.time.Instant;

/**
 * One exported version of a ticket.
 *
 * @param ticket the ticket
 * @param status open, pending, solved or closed
 * @param updatedAt when this version was written
 * @param resolvedAt when it was solved, once it is
 * @param satisfaction rating 1–5, once given
 */
public record TicketUpdate(
    Ticket ticket, String status, Instant updatedAt, Instant resolvedAt, Integer satisfaction) {}

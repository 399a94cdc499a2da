/**
 * An order's journey for operators ({@code GET /orders/{id}/journey}, read by {@code ./eventgate trace}): the order,
 * the publication of its {@code OrderCreated} and the carrier events applied to it, joined from the order and outbox
 * features.
 */
package io.eventgate.orders.journey;

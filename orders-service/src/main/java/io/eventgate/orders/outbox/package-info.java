/**
 * The transactional outbox: the {@code OrderCreated} record written with each order (leased to the writing instance
 * and handed to its relay once committed, {@link io.eventgate.orders.outbox.OutboxHandOff}), and the relay that
 * publishes records to EventBridge — handed-over ones at once by several workers, ten per call, and whatever a
 * crash, an outage or a lost hand-off left behind by a periodic sweep that claims records with a lease. A record is
 * marked published only after EventBridge accepted it, and only by the lease holder; several instances relay side
 * by side. {@link io.eventgate.orders.outbox.OutboxBacklog} reports how far publishing is behind.
 */
package io.eventgate.orders.outbox;

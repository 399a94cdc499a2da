/**
 * The transactional outbox: the {@code OrderCreated} record written with each order, and the relay that publishes
 * pending records to EventBridge — at once when an order is placed, and by a periodic sweep for anything a crash
 * or an outage left behind. Records are claimed with a lease before publishing, so several instances can relay
 * side by side; a record is marked published only after EventBridge accepted it.
 */
package io.eventgate.orders.outbox;

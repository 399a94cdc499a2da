package io.eventgate.orders.order.storage;

import io.eventgate.orders.order.OrderCreated;
import io.eventgate.orders.table.OutboxItem;

/**
 * What this adapter needs to store an order's event with it: the outbox record to write in the order's transaction,
 * and someone to tell once that transaction committed. The outbox implements it, so the dependency points from the
 * outbox to the order, never back.
 */
public interface OutboxRecords {

    /** The outbox record of the event, ready to write in the same transaction as its order. */
    OutboxItem recordFor(OrderCreated event);

    /** Call once the transaction holding {@code record} committed. Never blocks. */
    void committed(OutboxItem record);
}

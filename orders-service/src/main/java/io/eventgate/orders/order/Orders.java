package io.eventgate.orders.order;

import java.time.Instant;
import java.util.Optional;

/** Where orders are kept. Implemented by the DynamoDB adapter; every method is safe to call concurrently. */
public interface Orders {

    /**
     * Stores a new order together with its {@code OrderCreated} outbox record and, when given, the idempotency
     * claim — all in one transaction: either everything is stored or nothing is.
     *
     * @return the order exactly as {@link #find} would now return it (stored precision, version)
     * @throws IdempotencyKeyTakenException when another request claimed the same key first
     */
    Order add(Order order, Optional<IdempotencyClaim> claim);

    /** The order as last stored (strongly consistent). */
    Optional<Order> find(String orderId);

    /**
     * When the event bus accepted the order's {@code OrderCreated} (its outbox record was published), if it did yet.
     * Strongly consistent.
     */
    Optional<Instant> sentToCarrierAt(String orderId);

    /** One page of orders in a status, oldest first, read through an index (never a scan). */
    OrderPage findByStatus(OrderStatus status, int limit, Optional<String> cursor);

    /** The claim stored for an {@code Idempotency-Key}, if any. */
    Optional<IdempotencyClaim> findClaim(String idempotencyKey);

    /** Whether the inbound event with this id was applied already. */
    boolean isApplied(String eventId);

    /**
     * Stores {@code changed} if nobody changed the order since it was read, and records the event id as applied,
     * in one transaction.
     *
     * @return {@code false} when the event was applied already (nothing is written)
     * @throws ConcurrentOrderUpdateException when the order changed since it was read
     */
    boolean saveApplying(Order changed, String eventId, String eventName);

    /** The inbox mark of an applied event, by the event's id (its EventBridge envelope id). */
    Optional<AppliedEvent> findApplied(String eventId);
}

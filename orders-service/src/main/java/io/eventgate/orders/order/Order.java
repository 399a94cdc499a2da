package io.eventgate.orders.order;

import io.eventgate.orders.order.CarrierEvent.OrderCancelled;
import io.eventgate.orders.order.CarrierEvent.OrderDelivered;
import io.eventgate.orders.order.CarrierEvent.OrderShipped;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The order aggregate. Immutable: every change returns a new instance with the same {@code version}; the store
 * compares that version on write (optimistic locking) and bumps it.
 *
 * <p>State machine: {@code PENDING → SHIPPED → DELIVERED} and {@code PENDING → CANCELLED}. Nothing ever moves
 * backwards, so replays and late duplicates cannot undo progress.
 */
public record Order(
        String id,
        String customerId,
        List<LineItem> items,
        ShippingAddress shippingAddress,
        OrderStatus status,
        String reason,
        Optional<Shipment> shipment,
        Optional<Instant> deliveredAt,
        Optional<Instant> cancelledAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** The reason every new order carries until the carrier reports progress. */
    public static final String WAITING_FOR_SHIPPING = "Waiting for shipping";

    public Order {
        LineItem.requireText(id, "id");
        items = List.copyOf(items);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new {@code PENDING} order, not stored yet (version 0). */
    public static Order place(String id, NewOrder request, Instant now) {
        return new Order(id, request.customerId(), request.items(), request.shippingAddress(), OrderStatus.PENDING,
                WAITING_FOR_SHIPPING, Optional.empty(), Optional.empty(), Optional.empty(), now, now, 0);
    }

    /**
     * The id that correlates every event of an order's flow: the id of its {@code OrderCreated} event, derived from
     * the order id so that every (re)publication carries the same one. Every later event of the order (the carrier's
     * reports) carries it as {@code metadata.correlationId}, and every log line about the order names it.
     */
    public static String correlationIdOf(String orderId) {
        String name = "eventgate.orders/OrderCreated/v1/" + orderId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The event that says this order was created; stored with it, in the same transaction, for publication. */
    public OrderCreated created() {
        return new OrderCreated(OrderCreated.eventIdFor(id), this);
    }

    /** The sum of every line's quantity × unit price. */
    public BigDecimal total() {
        return items.stream().map(LineItem::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Applies what the carrier reported, or says why it does not apply. */
    public Transition apply(CarrierEvent event, Instant now) {
        if (!event.orderId().equals(id)) {
            throw new IllegalArgumentException("event for order " + event.orderId() + " applied to order " + id);
        }
        return switch (event) {
            case OrderShipped shipped -> ship(shipped, now);
            case OrderDelivered delivered -> deliver(delivered, now);
            case OrderCancelled cancelled -> cancel(cancelled, now);
        };
    }

    private Transition ship(OrderShipped event, Instant now) {
        return switch (status) {
            case PENDING -> applied(OrderStatus.SHIPPED, "Shipped by " + event.carrier(), Optional.of(event.shipment()),
                    deliveredAt, cancelledAt, now);
            // A delivery that overtook its shipment moved the order on already (see deliver); the late shipment
            // still tells us the tracking number, so it is recorded without moving the status back.
            case DELIVERED -> shipment.isEmpty()
                    ? applied(status, reason, Optional.of(event.shipment()), deliveredAt, cancelledAt, now)
                    : ignored("already delivered and shipment known");
            case SHIPPED -> ignored("already shipped");
            case CANCELLED -> ignored("cancelled orders are not shipped");
        };
    }

    private Transition deliver(OrderDelivered event, Instant now) {
        return switch (status) {
            // Out of order: the delivery overtook its shipment (they travel as separate messages). A delivery
            // proves the parcel was shipped, so the order moves straight to DELIVERED rather than waiting for a
            // shipment event that may come late or never; the late OrderShipped then only fills in the tracking.
            case PENDING, SHIPPED -> applied(OrderStatus.DELIVERED, "Delivered", shipment,
                    Optional.of(event.deliveredAt()), cancelledAt, now);
            case DELIVERED -> ignored("already delivered");
            case CANCELLED -> ignored("cancelled orders are not delivered");
        };
    }

    private Transition cancel(OrderCancelled event, Instant now) {
        return switch (status) {
            case PENDING -> applied(OrderStatus.CANCELLED, event.reason(), shipment, deliveredAt,
                    Optional.of(event.cancelledAt().orElse(now)), now);
            case SHIPPED, DELIVERED -> ignored("an order on its way or delivered cannot be cancelled");
            case CANCELLED -> ignored("already cancelled");
        };
    }

    private Transition applied(OrderStatus newStatus, String newReason, Optional<Shipment> newShipment,
            Optional<Instant> newDeliveredAt, Optional<Instant> newCancelledAt, Instant now) {
        return new Transition.Applied(new Order(id, customerId, items, shippingAddress, newStatus, newReason,
                newShipment, newDeliveredAt, newCancelledAt, createdAt, now, version));
    }

    private Transition ignored(String why) {
        return new Transition.Ignored(why + " (order " + id + " is " + status + ")");
    }
}

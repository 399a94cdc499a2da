package io.eventgate.carrier.shipment;

import io.eventgate.carrier.shipment.ShipmentEvent.OrderCancelled;
import io.eventgate.carrier.shipment.ShipmentEvent.OrderDelivered;
import io.eventgate.carrier.shipment.ShipmentEvent.OrderShipped;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A shipment of one order. Immutable; each lifecycle step returns a {@link Transition} holding the next state and
 * the event to report. Optional facts are {@code null} until they happen (the store and the API read them as absent).
 *
 * @param idempotencyKey the {@code Idempotency-Key} of the request that created it, {@code null} if none was sent
 * @param statusAt       when the shipment entered its current status
 * @param traceparent    the order's W3C trace context when it was received, which every report carries back to the
 *                       gateway; {@code null} when none came
 */
public record Shipment(
        String orderId,
        String customerId,
        String correlationId,
        List<Parcel> parcels,
        Address shipTo,
        ShipmentStatus status,
        Instant receivedAt,
        Instant statusAt,
        String idempotencyKey,
        String trackingNumber,
        Instant shippedAt,
        Instant deliveredAt,
        Instant cancelledAt,
        String cancelReason,
        String traceparent) {

    public Shipment {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(shipTo, "shipTo");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(statusAt, "statusAt");
        parcels = List.copyOf(parcels);
        if (parcels.isEmpty()) {
            throw new IllegalArgumentException("a shipment needs at least one parcel");
        }
    }

    /** A shipment as the API destination asked for it. */
    public static Shipment received(NewShipment request, Instant at) {
        return new Shipment(request.orderId(), request.customerId(), request.correlationId(), request.parcels(),
                request.shipTo(), ShipmentStatus.RECEIVED, at, at, request.idempotencyKey(),
                null, null, null, null, null, request.traceparent());
    }

    /** The distinct SKUs in this shipment. */
    public Set<String> skus() {
        Set<String> skus = new LinkedHashSet<>();
        parcels.forEach(parcel -> skus.add(parcel.sku()));
        return skus;
    }

    public Optional<String> customer() {
        return Optional.ofNullable(customerId);
    }

    /** Hands the parcel to the road: {@code RECEIVED → SHIPPED}. */
    public Transition dispatch(String newTrackingNumber, Instant at) {
        require(ShipmentStatus.RECEIVED, "dispatch");
        Shipment next = new Shipment(orderId, customerId, correlationId, parcels, shipTo, ShipmentStatus.SHIPPED,
                receivedAt, at, idempotencyKey, newTrackingNumber, at, null, null, null, traceparent);
        return new Transition(this, next, new OrderShipped(orderId, correlationId, newTrackingNumber, at));
    }

    /** Hands the parcel to the customer: {@code SHIPPED → DELIVERED}. */
    public Transition deliver(Instant at) {
        require(ShipmentStatus.SHIPPED, "deliver");
        Shipment next = new Shipment(orderId, customerId, correlationId, parcels, shipTo, ShipmentStatus.DELIVERED,
                receivedAt, at, idempotencyKey, trackingNumber, shippedAt, at, null, null, traceparent);
        return new Transition(this, next, new OrderDelivered(orderId, correlationId, at));
    }

    /** Gives up before the parcel left: {@code RECEIVED → CANCELLED}. */
    public Transition cancel(String reason, Instant at) {
        require(ShipmentStatus.RECEIVED, "cancel");
        Shipment next = new Shipment(orderId, customerId, correlationId, parcels, shipTo, ShipmentStatus.CANCELLED,
                receivedAt, at, idempotencyKey, null, null, null, at, reason, traceparent);
        return new Transition(this, next, new OrderCancelled(orderId, correlationId, reason, at));
    }

    private void require(ShipmentStatus required, String action) {
        if (status != required) {
            throw new IllegalTransitionException(orderId, status, action, required);
        }
    }
}

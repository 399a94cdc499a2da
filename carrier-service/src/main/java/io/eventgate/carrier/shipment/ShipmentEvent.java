package io.eventgate.carrier.shipment;

import io.eventgate.contracts.EventContract;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something that happened to a shipment and must be reported to the gateway. {@link #data()} is the event's
 * {@code data} object exactly as the event contract describes it.
 */
public sealed interface ShipmentEvent {

    /** The carrier's name as it appears in {@code OrderShipped.carrier}. */
    String CARRIER_NAME = "eventgate-carrier";

    String orderId();

    String correlationId();

    Instant occurredAt();

    default EventContract contract() {
        return switch (this) {
            case OrderShipped shipped -> EventContract.ORDER_SHIPPED;
            case OrderDelivered delivered -> EventContract.ORDER_DELIVERED;
            case OrderCancelled cancelled -> EventContract.ORDER_CANCELLED;
        };
    }

    /**
     * The place of this event in the life of one shipment ({@code OrderShipped} before {@code OrderDelivered}), so
     * that reports of the same order are sent in the order they happened even within one millisecond.
     */
    default int stage() {
        return this instanceof OrderDelivered ? 2 : 1;
    }

    /** The {@code data} object of the report, in contract field order. */
    default Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", orderId());
        switch (this) {
            case OrderShipped shipped -> {
                data.put("trackingNumber", shipped.trackingNumber());
                data.put("carrier", CARRIER_NAME);
                data.put("shippedAt", occurredAt().toString());
            }
            case OrderDelivered delivered -> data.put("deliveredAt", occurredAt().toString());
            case OrderCancelled cancelled -> {
                data.put("reason", cancelled.reason());
                data.put("cancelledAt", occurredAt().toString());
            }
        }
        return data;
    }

    /** The parcel left the depot. */
    record OrderShipped(String orderId, String correlationId, String trackingNumber, Instant occurredAt)
            implements ShipmentEvent {
    }

    /** The parcel reached the customer. */
    record OrderDelivered(String orderId, String correlationId, Instant occurredAt) implements ShipmentEvent {
    }

    /** The carrier will never ship the order. */
    record OrderCancelled(String orderId, String correlationId, String reason, Instant occurredAt)
            implements ShipmentEvent {
    }
}

package io.eventgate.orders.order;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What the carrier reported about an order, as applied by {@link Order#apply(CarrierEvent, Instant)}. */
public sealed interface CarrierEvent {

    String orderId();

    /** The event's name on the bus ({@code detail-type}), which is also its record's name here. */
    default String eventName() {
        return getClass().getSimpleName();
    }

    /** The parcel left the carrier's depot. */
    record OrderShipped(String orderId, String trackingNumber, String carrier, Instant shippedAt)
            implements CarrierEvent {
        public OrderShipped {
            Objects.requireNonNull(orderId, "orderId");
        }

        Shipment shipment() {
            return new Shipment(trackingNumber, carrier, shippedAt);
        }
    }

    /** The parcel reached the customer. */
    record OrderDelivered(String orderId, Instant deliveredAt) implements CarrierEvent {
        public OrderDelivered {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(deliveredAt, "deliveredAt");
        }
    }

    /** The carrier can no longer ship the order. */
    record OrderCancelled(String orderId, String reason, Optional<Instant> cancelledAt) implements CarrierEvent {
        public OrderCancelled {
            Objects.requireNonNull(orderId, "orderId");
            LineItem.requireText(reason, "reason");
            cancelledAt = cancelledAt == null ? Optional.empty() : cancelledAt;
        }
    }
}

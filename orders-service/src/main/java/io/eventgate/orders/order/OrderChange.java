package io.eventgate.orders.order;

import java.time.Instant;
import java.util.Objects;

/**
 * Something stored about an order, by any instance of the service, as the change feed ({@link OrderChangeListener})
 * reports it. Immutable facts in the past tense.
 */
public sealed interface OrderChange {

    String orderId();

    /** The order as it was just stored (placed, or changed by a carrier event). */
    record Stored(Order order) implements OrderChange {
        public Stored {
            Objects.requireNonNull(order, "order");
        }

        @Override
        public String orderId() {
            return order.id();
        }
    }

    /**
     * The event bus accepted the order's {@code OrderCreated}, which its rule routes to the carrier. This is as far
     * as the orders side can see: the carrier confirms nothing until it reports the shipment.
     */
    record SentToCarrier(String orderId, Instant at) implements OrderChange {
        public SentToCarrier {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(at, "at");
        }
    }
}

package io.eventgate.carrier.shipment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where shipments live. Implementations make each write atomic; none of their types leak through this port. */
public interface ShipmentStore {

    /**
     * Stores a new shipment unless its order (or its idempotency key) is already known.
     *
     * @return what happened; never throws for a duplicate
     */
    Receipt receive(Shipment shipment);

    /**
     * Stores the transition's new state and its pending report in one atomic write, provided the stored shipment
     * still has the status {@code transition.from()} had.
     *
     * @return {@code false} when the shipment changed meanwhile and nothing was written
     */
    boolean apply(Transition transition);

    /** The shipment of the order with the delivery state of each of its reports. */
    Optional<ShipmentRecord> find(String orderId);

    /** Up to {@code limit} shipments in the status, most recent status change first. */
    List<Shipment> findByStatus(ShipmentStatus status, int limit);

    /** Up to {@code limit} shipments that entered the status at or before {@code cutoff}, oldest first. */
    List<Shipment> findInStatusSince(ShipmentStatus status, Instant cutoff, int limit);

    /** Every shipment in the status that contains the SKU. */
    List<Shipment> findByStatusContaining(ShipmentStatus status, String sku);

    /** The outcome of {@link #receive(Shipment)}. */
    sealed interface Receipt {

        /** The shipment was new and is now stored. */
        record Created(Shipment shipment) implements Receipt {
        }

        /** The order (or the idempotency key, for the same order) was seen before: here is what is stored. */
        record AlreadyReceived(Shipment shipment) implements Receipt {
        }

        /** The idempotency key was first used for a different order. */
        record KeyUsedForOtherOrder(String otherOrderId) implements Receipt {
        }
    }
}

package io.eventgate.carrier.shipment;

/** Where a shipment is in its lifecycle. */
public enum ShipmentStatus {
    /** Accepted from the API destination, waiting in the depot. */
    RECEIVED,
    /** Left the depot with a tracking number. */
    SHIPPED,
    /** Handed to the customer; final. */
    DELIVERED,
    /** Will never ship (for instance its product was discontinued); final. */
    CANCELLED
}

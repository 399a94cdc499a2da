package io.eventgate.carrier.shipment;

/** No shipment exists for the order. */
public class ShipmentNotFoundException extends RuntimeException {

    ShipmentNotFoundException(String orderId) {
        super("No shipment for order " + orderId);
    }
}

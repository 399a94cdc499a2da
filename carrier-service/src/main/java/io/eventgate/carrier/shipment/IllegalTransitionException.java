package io.eventgate.carrier.shipment;

/** A lifecycle step the shipment's current status does not allow, such as delivering before dispatch. */
public class IllegalTransitionException extends RuntimeException {

    private final String orderId;
    private final ShipmentStatus status;

    IllegalTransitionException(String orderId, ShipmentStatus status, String action, ShipmentStatus required) {
        super("Shipment " + orderId + " is " + status + "; " + action + " needs " + required);
        this.orderId = orderId;
        this.status = status;
    }

    public String orderId() {
        return orderId;
    }

    public ShipmentStatus status() {
        return status;
    }
}

package io.eventgate.carrier.shipment;

/** The {@code Idempotency-Key} header and the body's {@code eventId} name two different events. */
public class EventIdMismatchException extends RuntimeException {

    EventIdMismatchException() {
        super("differs from the body's eventId: both must carry the same event id");
    }

    /** The input the problem is reported against. */
    public String field() {
        return ShipmentController.IDEMPOTENCY_KEY;
    }
}

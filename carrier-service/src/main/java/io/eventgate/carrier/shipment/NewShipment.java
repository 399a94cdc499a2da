package io.eventgate.carrier.shipment;

import java.util.List;

/**
 * A validated request to ship an order.
 *
 * @param customerId     optional, {@code null} when absent
 * @param correlationId  the flow's correlation id; defaults to the order id when the caller sent none
 * @param idempotencyKey optional {@code Idempotency-Key}; the order id alone already makes receipt idempotent
 * @param traceparent    the order's trace context, which the shipment's reports carry back; {@code null} if none
 */
public record NewShipment(String orderId, String customerId, String correlationId, List<Parcel> parcels,
                          Address shipTo, String idempotencyKey, String traceparent) {

    public NewShipment(String orderId, String customerId, String correlationId, List<Parcel> parcels, Address shipTo,
            String idempotencyKey) {
        this(orderId, customerId, correlationId, parcels, shipTo, idempotencyKey, null);
    }
}

package io.eventgate.carrier.shipment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.eventgate.carrier.report.ReportStatus;
import java.time.Instant;
import java.util.List;

/**
 * A shipment as the API shows it; facts that have not happened yet are left out. {@code traceparent} is the order's
 * trace context the shipment's reports carry back (look its trace id up in a trace UI).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ShipmentResponse(
        String orderId,
        String customerId,
        String correlationId,
        ShipmentStatus status,
        List<Parcel> items,
        Address shipTo,
        Instant receivedAt,
        String trackingNumber,
        String carrier,
        Instant shippedAt,
        Instant deliveredAt,
        Instant cancelledAt,
        String cancelReason,
        String traceparent,
        List<ReportStatus> reports) {

    static ShipmentResponse of(ShipmentRecord record) {
        return of(record.shipment(), record.reports());
    }

    /** Without reports: for lists, where fetching each shipment's reports would cost a query per row. */
    static ShipmentResponse summary(Shipment shipment) {
        return of(shipment, null);
    }

    private static ShipmentResponse of(Shipment s, List<ReportStatus> reports) {
        return new ShipmentResponse(s.orderId(), s.customerId(), s.correlationId(), s.status(), s.parcels(),
                s.shipTo(), s.receivedAt(), s.trackingNumber(),
                s.trackingNumber() == null ? null : ShipmentEvent.CARRIER_NAME, s.shippedAt(), s.deliveredAt(),
                s.cancelledAt(), s.cancelReason(), s.traceparent(), reports);
    }
}

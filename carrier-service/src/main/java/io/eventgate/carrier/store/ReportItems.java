package io.eventgate.carrier.store;

import static io.eventgate.carrier.store.ShipmentItems.instant;
import static io.eventgate.carrier.store.ShipmentItems.s;
import static io.eventgate.carrier.store.ShipmentItems.text;

import io.eventgate.carrier.report.PendingReport;
import io.eventgate.carrier.report.ReportId;
import io.eventgate.carrier.report.ReportState;
import io.eventgate.carrier.report.ReportStatus;
import io.eventgate.carrier.shipment.ShipmentEvent;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps reports to items. A pending report carries the sparse pending-index attributes; a finished one does not. */
final class ReportItems {

    static final String STATE = "state";
    static final String ATTEMPTS = "attempts";
    static final String LAST_ERROR = "lastError";
    static final String SENT_AT = "sentAt";
    static final String UPDATED_AT = "updatedAt";
    static final String EVENT_ID = "eventId";
    static final String TRACEPARENT = "traceparent";

    private ReportItems() {
    }

    static Map<String, AttributeValue> pendingItem(ShipmentEvent event, String body, String traceparent) {
        String eventName = event.contract().eventName();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(CarrierTable.PK, s(CarrierTable.orderKey(event.orderId())));
        item.put(CarrierTable.SK, s(CarrierTable.reportSortKey(eventName)));
        item.put("orderId", s(event.orderId()));
        item.put("eventName", s(eventName));
        item.put("body", s(body));
        item.put("correlationId", s(event.correlationId()));
        if (traceparent != null) {
            item.put(TRACEPARENT, s(traceparent));
        }
        item.put(STATE, s(ReportState.PENDING.name()));
        item.put(ATTEMPTS, AttributeValue.fromN("0"));
        item.put("createdAt", s(event.occurredAt().toString()));
        item.put(UPDATED_AT, s(event.occurredAt().toString()));
        item.put(CarrierTable.PENDING, s(ReportState.PENDING.name()));
        // oldest first; within one order and millisecond, the event's stage keeps OrderShipped before OrderDelivered
        item.put(CarrierTable.PENDING_ORDER, s("%013d#%s#%d".formatted(
                event.occurredAt().toEpochMilli(), event.orderId(), event.stage())));
        return item;
    }

    static Map<String, AttributeValue> key(ReportId id) {
        return Map.of(CarrierTable.PK, s(CarrierTable.orderKey(id.orderId())),
                CarrierTable.SK, s(CarrierTable.reportSortKey(id.eventName())));
    }

    static ReportStatus status(Map<String, AttributeValue> item) {
        return new ReportStatus(text(item, "eventName"), ReportState.valueOf(text(item, STATE)), attempts(item),
                text(item, LAST_ERROR), instant(item, "createdAt"), instant(item, SENT_AT), text(item, EVENT_ID));
    }

    static PendingReport pending(Map<String, AttributeValue> item) {
        return new PendingReport(new ReportId(text(item, "orderId"), text(item, "eventName")), text(item, "body"),
                attempts(item), instant(item, "createdAt"), text(item, "correlationId"), text(item, TRACEPARENT));
    }

    static boolean isPending(Map<String, AttributeValue> item) {
        return ReportState.PENDING.name().equals(text(item, STATE));
    }

    private static int attempts(Map<String, AttributeValue> item) {
        return Integer.parseInt(item.get(ATTEMPTS).n());
    }
}

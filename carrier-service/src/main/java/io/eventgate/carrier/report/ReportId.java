package io.eventgate.carrier.report;

import java.util.Objects;

/** A report is identified by its order and event name: each order reports each event at most once. */
public record ReportId(String orderId, String eventName) {

    public ReportId {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(eventName, "eventName");
    }

    @Override
    public String toString() {
        return eventName + " of order " + orderId;
    }
}

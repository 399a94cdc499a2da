package io.eventgate.orders.order;

import java.time.Instant;
import java.util.Objects;

/** What the carrier reported when the parcel left: its tracking number, the carrier's name and when. */
public record Shipment(String trackingNumber, String carrier, Instant shippedAt) {

    public Shipment {
        LineItem.requireText(trackingNumber, "trackingNumber");
        LineItem.requireText(carrier, "carrier");
        Objects.requireNonNull(shippedAt, "shippedAt");
    }
}

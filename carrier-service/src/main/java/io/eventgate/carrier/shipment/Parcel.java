package io.eventgate.carrier.shipment;

import java.util.Objects;

/** One line of a shipment: so many units of one product. */
public record Parcel(String sku, int quantity) {

    public Parcel {
        Objects.requireNonNull(sku, "sku");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
        }
    }
}

package io.eventgate.carrier.shipment;

import java.util.Objects;

/**
 * Where a parcel goes; the same shape as an order's shipping address.
 *
 * @param line2   optional second address line, {@code null} when absent
 * @param country ISO 3166-1 alpha-2 code
 */
public record Address(String name, String line1, String line2, String city, String postalCode, String country) {

    public Address {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(line1, "line1");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(postalCode, "postalCode");
        Objects.requireNonNull(country, "country");
    }
}

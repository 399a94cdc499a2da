package io.eventgate.orders.order;

import java.util.Optional;
import java.util.regex.Pattern;

import static io.eventgate.orders.order.LineItem.requireText;

/** Where the parcel goes; {@code country} is an ISO 3166-1 alpha-2 code such as {@code DE}. */
public record ShippingAddress(String name, String line1, Optional<String> line2, String city, String postalCode,
        String country) {

    private static final Pattern ALPHA_2 = Pattern.compile("[A-Z]{2}");

    public ShippingAddress {
        requireText(name, "name");
        requireText(line1, "line1");
        requireText(city, "city");
        requireText(postalCode, "postalCode");
        line2 = line2 == null ? Optional.empty() : line2.filter(text -> !text.isBlank());
        if (country == null || !ALPHA_2.matcher(country).matches()) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code, was " + country);
        }
    }
}

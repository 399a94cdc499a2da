package io.eventgate.orders.order;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Order ids: random (version 4) UUIDs in their lower-case text form, 122 bits from a {@link java.security.SecureRandom}
 * — unguessable, which is what lets {@code GET /orders/{id}} serve whoever holds the id (see the README's trust
 * model). Anything else cannot name an order, so it is refused before it reaches the store (a 3,000-character id
 * would exceed DynamoDB's key size).
 */
public final class OrderIds {

    private static final Pattern SHAPE =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    private OrderIds() {
    }

    static String next() {
        return UUID.randomUUID().toString();
    }

    /** Whether {@code id} has the shape of an id this service hands out. */
    public static boolean isWellFormed(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }
}

package io.eventgate.orders.order;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/** What a client asks for when it places an order (already validated at the edge). */
public record NewOrder(String customerId, List<LineItem> items, ShippingAddress shippingAddress) {

    public NewOrder {
        LineItem.requireText(customerId, "customerId");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one item");
        }
        Objects.requireNonNull(shippingAddress, "shippingAddress");
    }

    /**
     * A SHA-256 over a canonical form of this request. Two requests with the same content (whatever their JSON
     * whitespace, field order or number notation such as {@code 10.5} vs {@code 10.50}) have the same fingerprint,
     * which is what an idempotent retry is compared by.
     */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder();
        field(canonical, customerId);
        for (LineItem item : items) {
            field(canonical, item.sku());
            field(canonical, Integer.toString(item.quantity()));
            field(canonical, plain(item.unitPrice()));
        }
        ShippingAddress a = shippingAddress;
        field(canonical, a.name());
        field(canonical, a.line1());
        field(canonical, a.line2().orElse(""));
        field(canonical, a.city());
        field(canonical, a.postalCode());
        field(canonical, a.country());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    // Length-prefixed so that no two different field sequences produce the same text.
    private static void field(StringBuilder out, String value) {
        out.append(value.length()).append(':').append(value).append(';');
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}

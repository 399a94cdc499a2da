package io.eventgate.orders.order;

import java.math.BigDecimal;
import java.util.Objects;

/** One ordered product: {@code quantity} ≥ 1 units of {@code sku} at {@code unitPrice} ≥ 0 each. */
public record LineItem(String sku, int quantity, BigDecimal unitPrice) {

    public LineItem {
        requireText(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
        }
        if (unitPrice.signum() < 0) {
            throw new IllegalArgumentException("unitPrice must not be negative, was " + unitPrice);
        }
    }

    BigDecimal subtotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}

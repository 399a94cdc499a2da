package io.eventgate.orders.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One ordered product: {@code quantity} units of {@code sku} at {@code unitPrice} each.
 *
 * <p>Money is a {@link BigDecimal} everywhere (request, domain, DynamoDB, the {@code OrderCreated} event, the
 * response), always at scale {@value #PRICE_SCALE}: a unit price is 0.00 to {@link #MAX_UNIT_PRICE} with at most two
 * decimals, and a price with more decimals is refused, never rounded. With at most 100 lines of at most
 * {@value #MAX_QUANTITY} units, a total has at most 18 significant digits — exact in DynamoDB (38) and far from
 * its range limits.
 */
public record LineItem(String sku, int quantity, BigDecimal unitPrice) {

    public static final int PRICE_SCALE = 2;
    public static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("1000000000.00");
    public static final int MAX_QUANTITY = 10_000;

    public LineItem {
        requireText(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be 1 to " + MAX_QUANTITY + ", was " + quantity);
        }
        unitPrice = price(unitPrice);
    }

    BigDecimal subtotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    /**
     * {@code value} as a price at scale 2 ({@code 9.5} becomes {@code 9.50}).
     *
     * @throws IllegalArgumentException when it is negative, above {@link #MAX_UNIT_PRICE} or has more than two
     *                                  decimals (which would need rounding)
     */
    public static BigDecimal price(BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(MAX_UNIT_PRICE) > 0) {
            throw new IllegalArgumentException("unitPrice must be 0 to " + MAX_UNIT_PRICE.toPlainString());
        }
        // Compared on the stripped form, and rescaled from it: 0E-999999999 is a valid JSON number whose own scale
        // would make setScale divide by 10^999999997.
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > PRICE_SCALE) {
            throw new IllegalArgumentException("unitPrice must have at most " + PRICE_SCALE + " decimals");
        }
        return stripped.setScale(PRICE_SCALE, RoundingMode.UNNECESSARY);
    }

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}

package io.eventgate.orders.order.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.eventgate.orders.order.LineItem;
import io.eventgate.orders.order.NewOrder;
import io.eventgate.orders.order.ShippingAddress;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@code POST /orders} (its rules live in {@code eventgate/orders/create-order.request.json}, plus the
 * text and price rules {@link CreateOrderRequestReader} checks beside it).
 */
@Schema(name = "CreateOrderRequest")
record CreateOrderRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64) String customerId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1) List<Item> items,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Address shippingAddress) {

    record Item(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64) String sku,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "10000") int quantity,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "1000000000",
                    description = "exact decimal, at most 2 decimals (more are refused, never rounded); "
                            + "answered with exactly 2") BigDecimal unitPrice) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Address(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String line1,
            String line2,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String city,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String postalCode,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[A-Z]{2}$",
                    description = "ISO 3166-1 alpha-2") String country) {
    }

    NewOrder toNewOrder() {
        return new NewOrder(customerId,
                items.stream().map(i -> new LineItem(i.sku(), i.quantity(), i.unitPrice())).toList(),
                new ShippingAddress(shippingAddress.name(), shippingAddress.line1(),
                        Optional.ofNullable(shippingAddress.line2()), shippingAddress.city(),
                        shippingAddress.postalCode(), shippingAddress.country()));
    }
}

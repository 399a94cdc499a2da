package io.eventgate.orders.order.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.eventgate.orders.order.Order;
import io.eventgate.orders.order.Shipment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OrderResponse(
        String id,
        String customerId,
        List<CreateOrderRequest.Item> items,
        CreateOrderRequest.Address shippingAddress,
        BigDecimal total,
        String status,
        String reason,
        ShipmentView shipment,
        Instant deliveredAt,
        Instant cancelledAt,
        Instant createdAt,
        Instant updatedAt) {

    record ShipmentView(String trackingNumber, String carrier, Instant shippedAt) {
        static ShipmentView of(Shipment s) {
            return new ShipmentView(s.trackingNumber(), s.carrier(), s.shippedAt());
        }
    }

    static OrderResponse of(Order order) {
        var a = order.shippingAddress();
        return new OrderResponse(order.id(), order.customerId(),
                order.items().stream().map(i -> new CreateOrderRequest.Item(i.sku(), i.quantity(), i.unitPrice())).toList(),
                new CreateOrderRequest.Address(a.name(), a.line1(), a.line2().orElse(null), a.city(), a.postalCode(),
                        a.country()),
                order.total(), order.status().name(), order.reason(),
                order.shipment().map(ShipmentView::of).orElse(null),
                order.deliveredAt().orElse(null), order.cancelledAt().orElse(null),
                order.createdAt(), order.updatedAt());
    }
}

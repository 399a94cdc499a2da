package io.eventgate.orders.order.storage;

import io.eventgate.orders.order.LineItem;
import io.eventgate.orders.order.Order;
import io.eventgate.orders.order.OrderStatus;
import io.eventgate.orders.order.Shipment;
import io.eventgate.orders.order.ShippingAddress;
import io.eventgate.orders.table.AddressAttributes;
import io.eventgate.orders.table.LineItemAttributes;
import io.eventgate.orders.table.OrderItem;
import io.eventgate.orders.table.OrdersTable;
import io.eventgate.orders.table.Timestamps;
import java.util.Optional;

/** Between the {@link Order} aggregate and its stored form. */
final class OrderMapping {

    private OrderMapping() {
    }

    /** The item to write; {@code version} is the one read (null for a new order), the extension bumps it. */
    static OrderItem toItem(Order order) {
        OrderItem item = new OrderItem();
        item.setPk(OrdersTable.orderKey(order.id()));
        item.setOrderId(order.id());
        item.setCustomerId(order.customerId());
        item.setItems(order.items().stream().map(OrderMapping::toAttributes).toList());
        item.setShippingAddress(toAttributes(order.shippingAddress()));
        item.setStatus(order.status().name());
        item.setReason(order.reason());
        order.shipment().ifPresent(s -> {
            item.setTrackingNumber(s.trackingNumber());
            item.setCarrier(s.carrier());
            item.setShippedAt(Timestamps.format(s.shippedAt()));
        });
        item.setDeliveredAt(order.deliveredAt().map(Timestamps::format).orElse(null));
        item.setCancelledAt(order.cancelledAt().map(Timestamps::format).orElse(null));
        item.setCreatedAt(Timestamps.format(order.createdAt()));
        item.setUpdatedAt(Timestamps.format(order.updatedAt()));
        item.setVersion(order.version() == 0 ? null : order.version());
        return item;
    }

    static Order toOrder(OrderItem item) {
        AddressAttributes a = item.getShippingAddress();
        Optional<Shipment> shipment = Optional.ofNullable(item.getTrackingNumber())
                .map(tracking -> new Shipment(tracking, item.getCarrier(), Timestamps.parse(item.getShippedAt())));
        return new Order(item.getOrderId(), item.getCustomerId(),
                item.getItems().stream().map(l -> new LineItem(l.getSku(), l.getQuantity(), l.getUnitPrice())).toList(),
                new ShippingAddress(a.getName(), a.getLine1(), Optional.ofNullable(a.getLine2()), a.getCity(),
                        a.getPostalCode(), a.getCountry()),
                OrderStatus.valueOf(item.getStatus()), item.getReason(), shipment,
                Optional.ofNullable(Timestamps.parse(item.getDeliveredAt())),
                Optional.ofNullable(Timestamps.parse(item.getCancelledAt())),
                Timestamps.parse(item.getCreatedAt()), Timestamps.parse(item.getUpdatedAt()), item.getVersion());
    }

    private static LineItemAttributes toAttributes(LineItem line) {
        LineItemAttributes attributes = new LineItemAttributes();
        attributes.setSku(line.sku());
        attributes.setQuantity(line.quantity());
        attributes.setUnitPrice(line.unitPrice());
        return attributes;
    }

    private static AddressAttributes toAttributes(ShippingAddress address) {
        AddressAttributes attributes = new AddressAttributes();
        attributes.setName(address.name());
        attributes.setLine1(address.line1());
        attributes.setLine2(address.line2().orElse(null));
        attributes.setCity(address.city());
        attributes.setPostalCode(address.postalCode());
        attributes.setCountry(address.country());
        return attributes;
    }
}

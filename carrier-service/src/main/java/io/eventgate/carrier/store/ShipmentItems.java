package io.eventgate.carrier.store;

import io.eventgate.carrier.shipment.Address;
import io.eventgate.carrier.shipment.Parcel;
import io.eventgate.carrier.shipment.Shipment;
import io.eventgate.carrier.shipment.ShipmentStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps a {@link Shipment} to its item and back. Absent optional facts are absent attributes. */
final class ShipmentItems {

    private ShipmentItems() {
    }

    static Map<String, AttributeValue> toItem(Shipment shipment) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(CarrierTable.PK, s(CarrierTable.orderKey(shipment.orderId())));
        item.put(CarrierTable.SK, s(CarrierTable.SHIPMENT_SK));
        item.put("orderId", s(shipment.orderId()));
        item.put("correlationId", s(shipment.correlationId()));
        item.put("parcels", AttributeValue.fromL(shipment.parcels().stream().map(ShipmentItems::parcel).toList()));
        // a string set makes "shipments containing this SKU" a cheap filter on the status index
        item.put("skus", AttributeValue.fromSs(List.copyOf(shipment.skus())));
        item.put("shipTo", address(shipment.shipTo()));
        item.put(CarrierTable.STATUS, s(shipment.status().name()));
        item.put(CarrierTable.STATUS_AT, AttributeValue.fromN(Long.toString(shipment.statusAt().toEpochMilli())));
        item.put("receivedAt", s(shipment.receivedAt().toString()));
        putIfPresent(item, "customerId", shipment.customerId());
        putIfPresent(item, "idempotencyKey", shipment.idempotencyKey());
        putIfPresent(item, "trackingNumber", shipment.trackingNumber());
        putIfPresent(item, "shippedAt", shipment.shippedAt());
        putIfPresent(item, "deliveredAt", shipment.deliveredAt());
        putIfPresent(item, "cancelledAt", shipment.cancelledAt());
        putIfPresent(item, "cancelReason", shipment.cancelReason());
        putIfPresent(item, "traceparent", shipment.traceparent());
        return item;
    }

    static Shipment fromItem(Map<String, AttributeValue> item) {
        return new Shipment(
                text(item, "orderId"),
                text(item, "customerId"),
                text(item, "correlationId"),
                item.get("parcels").l().stream().map(v -> parcel(v.m())).toList(),
                address(item.get("shipTo").m()),
                ShipmentStatus.valueOf(text(item, CarrierTable.STATUS)),
                instant(item, "receivedAt"),
                Instant.ofEpochMilli(Long.parseLong(item.get(CarrierTable.STATUS_AT).n())),
                text(item, "idempotencyKey"),
                text(item, "trackingNumber"),
                instant(item, "shippedAt"),
                instant(item, "deliveredAt"),
                instant(item, "cancelledAt"),
                text(item, "cancelReason"),
                text(item, "traceparent"));
    }

    private static AttributeValue parcel(Parcel parcel) {
        return AttributeValue.fromM(Map.of("sku", s(parcel.sku()),
                "quantity", AttributeValue.fromN(Integer.toString(parcel.quantity()))));
    }

    private static Parcel parcel(Map<String, AttributeValue> map) {
        return new Parcel(map.get("sku").s(), Integer.parseInt(map.get("quantity").n()));
    }

    private static AttributeValue address(Address address) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put("name", s(address.name()));
        map.put("line1", s(address.line1()));
        putIfPresent(map, "line2", address.line2());
        map.put("city", s(address.city()));
        map.put("postalCode", s(address.postalCode()));
        map.put("country", s(address.country()));
        return AttributeValue.fromM(map);
    }

    private static Address address(Map<String, AttributeValue> map) {
        return new Address(text(map, "name"), text(map, "line1"), text(map, "line2"), text(map, "city"),
                text(map, "postalCode"), text(map, "country"));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static void putIfPresent(Map<String, AttributeValue> item, String name, Object value) {
        if (value != null) {
            item.put(name, s(value.toString()));
        }
    }

    static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        String value = text(item, name);
        return value == null ? null : Instant.parse(value);
    }
}

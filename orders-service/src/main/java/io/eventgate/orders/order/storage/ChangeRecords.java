package io.eventgate.orders.order.storage;

import io.eventgate.orders.order.OrderChange;
import io.eventgate.orders.table.OrderItem;
import io.eventgate.orders.table.OrdersTable;
import io.eventgate.orders.table.OutboxItem;
import io.eventgate.orders.table.Timestamps;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a stream record of the orders table (view type {@code NEW_IMAGE} or {@code NEW_AND_OLD_IMAGES}) as the
 * change it stands for: an order item written, or an {@code OrderCreated} outbox record marked published. Every
 * other item of the table (idempotency claims, inbox marks, outbox bookkeeping) and every removal means nothing to
 * an order's progress.
 */
@Component
class ChangeRecords {

    private static final String ORDER_PREFIX = OrdersTable.orderKey("");
    private static final String OUTBOX_PREFIX = OrdersTable.outboxKey("");

    private final OrdersTable table;
    private final JsonMapper json;

    ChangeRecords(OrdersTable table, JsonMapper json) {
        this.table = table;
        this.json = json;
    }

    Optional<OrderChange> read(Record record) {
        Map<String, AttributeValue> image = record.dynamodb() == null ? null : record.dynamodb().newImage();
        if (image == null || image.isEmpty()) {
            return Optional.empty();
        }
        AttributeValue key = image.get(OrdersTable.PARTITION_KEY);
        String pk = key == null ? "" : key.s();
        if (pk.startsWith(ORDER_PREFIX)) {
            OrderItem item = table.orders().tableSchema().mapToItem(image);
            return Optional.of(new OrderChange.Stored(OrderMapping.toOrder(item)));
        }
        if (pk.startsWith(OUTBOX_PREFIX)) {
            OutboxItem item = table.outbox().tableSchema().mapToItem(image);
            if (item.getPublishedAt() == null) {
                return Optional.empty();
            }
            // The record names its order only inside the event it carries.
            JsonNode orderId = json.readTree(item.getDetail()).path("data").path("orderId");
            return orderId.isString()
                    ? Optional.of(new OrderChange.SentToCarrier(orderId.asString(), Timestamps.parse(item.getPublishedAt())))
                    : Optional.empty();
        }
        return Optional.empty();
    }
}

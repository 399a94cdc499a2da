package io.eventgate.orders.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.eventgate.contracts.EventContract;
import io.eventgate.contracts.TraceParent;
import io.eventgate.orders.order.LineItem;
import io.eventgate.orders.order.Order;
import io.eventgate.orders.order.OrderCreated;
import io.eventgate.orders.order.ShippingAddress;
import io.eventgate.orders.table.OrdersTable;
import io.eventgate.orders.table.OutboxItem;
import io.eventgate.orders.table.Timestamps;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a new order into its {@code OrderCreated} outbox record, with the detail exactly as the event contract
 * ({@link EventContract#ORDER_CREATED}) describes it.
 *
 * <p>The event id ({@link OrderCreated#eventIdFor}) is derived from the order id, so every (re)publication of the same order's creation carries the
 * same id. EventBridge assigns its own envelope {@code id} on each {@code PutEvents} call, so our id travels in the
 * detail as {@code metadata.correlationId}: consumers recognise duplicates by it, and it correlates every later
 * event of the order's flow.
 */
@Component
public class OrderCreatedOutbox {


    private final JsonMapper json;
    private final String source;

    OrderCreatedOutbox(JsonMapper json, OutboxSettings settings) {
        this.json = json;
        this.source = settings.source();
    }

    /** The outbox record to store in the same transaction as the order, outside any trace. */
    public OutboxItem recordFor(Order order) {
        return recordFor(order, Optional.empty());
    }

    /**
     * The outbox record to store in the same transaction as the order. The trace context goes into the event
     * ({@code metadata.traceparent}) and beside it, so that the publication continues the order's trace even when it
     * happens after a crash, on another instance.
     */
    public OutboxItem recordFor(Order order, Optional<TraceParent> trace) {
        String eventId = OrderCreated.eventIdFor(order.id());
        OutboxItem item = new OutboxItem();
        item.setPk(OrdersTable.outboxKey(eventId));
        item.setEventId(eventId);
        item.setOrderId(order.id());
        item.setTraceparent(trace.map(TraceParent::toString).orElse(null));
        item.setSource(source);
        item.setDetailType(EventContract.ORDER_CREATED.eventName());
        item.setDetail(json.writeValueAsString(detail(order, eventId, item.getTraceparent())));
        item.setOutboxState(OutboxItem.PENDING);
        item.setCreatedAt(Timestamps.format(order.createdAt()));
        item.setAttempts(0);
        return item;
    }

    private static Detail detail(Order order, String eventId, String traceparent) {
        ShippingAddress a = order.shippingAddress();
        return new Detail(
                new Metadata(EventContract.ORDER_CREATED.eventName(), EventContract.ORDER_CREATED.schemaVersion(), eventId,
                        traceparent),
                new Data(order.id(), order.customerId(),
                        order.items().stream().map(Item::of).toList(),
                        new Address(a.name(), a.line1(), a.line2().orElse(null), a.city(), a.postalCode(), a.country()),
                        order.total(), order.createdAt().toString()));
    }

    record Detail(Metadata metadata, Data data) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Metadata(String eventName, String eventSchemaVersion, String correlationId, String traceparent) {
    }

    record Data(String orderId, String customerId, List<Item> items, Address shippingAddress, BigDecimal total,
            String createdAt) {
    }

    record Item(String sku, int quantity, BigDecimal unitPrice) {
        static Item of(LineItem line) {
            return new Item(line.sku(), line.quantity(), line.unitPrice());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Address(String name, String line1, String line2, String city, String postalCode, String country) {
    }
}

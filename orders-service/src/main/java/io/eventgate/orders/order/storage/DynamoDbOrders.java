package io.eventgate.orders.order.storage;

import io.eventgate.orders.order.AppliedEvent;
import io.eventgate.orders.order.ConcurrentOrderUpdateException;
import io.eventgate.orders.order.IdempotencyClaim;
import io.eventgate.orders.order.IdempotencyKeyTakenException;
import io.eventgate.orders.order.Order;
import io.eventgate.orders.order.OrderCreated;
import io.eventgate.orders.order.OrderPage;
import io.eventgate.orders.order.OrderStatus;
import io.eventgate.orders.order.Orders;
import io.eventgate.orders.table.IdempotencyItem;
import io.eventgate.orders.table.InboxItem;
import io.eventgate.orders.table.OrderItem;
import io.eventgate.orders.table.OrdersTable;
import io.eventgate.orders.table.OutboxItem;
import io.eventgate.orders.table.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link Orders} on the {@code orders} table. Writes that belong together go in one {@code TransactWriteItems}:
 * order + the outbox record of its {@link OrderCreated} (+ idempotency claim) on creation; changed order + inbox mark
 * when applying an event.
 */
@Repository
class DynamoDbOrders implements Orders {

    private static final Expression KEY_IS_NEW = Expression.builder()
            .expression("attribute_not_exists(" + OrdersTable.PARTITION_KEY + ")").build();

    /** What the enhanced client's version extension (default start 0, increment 1) writes for a new item. */
    private static final long FIRST_VERSION = 1;

    private final DynamoDbEnhancedClient client;
    private final OrdersTable table;
    private final OutboxRecords outbox;
    private final StorageSettings settings;
    private final PageCursors cursors;
    private final Clock clock;

    DynamoDbOrders(DynamoDbEnhancedClient client, OrdersTable table, OutboxRecords outbox,
            StorageSettings settings, PageCursors cursors, Clock clock) {
        this.client = client;
        this.table = table;
        this.outbox = outbox;
        this.settings = settings;
        this.cursors = cursors;
        this.clock = clock;
    }

    @Override
    public Order add(Order order, Optional<IdempotencyClaim> claim) {
        OrderItem item = OrderMapping.toItem(order);
        OutboxItem record = outbox.recordFor(order.created());
        try {
            client.transactWriteItems(tx -> {
                // The version extension adds attribute_not_exists(version) for a new item; the key check says
                // the same thing explicitly for an order id that must never be reused.
                tx.addPutItem(table.orders(), TransactPutItemEnhancedRequest.builder(OrderItem.class)
                        .item(item).conditionExpression(KEY_IS_NEW).build());
                tx.addPutItem(table.outbox(), TransactPutItemEnhancedRequest.builder(OutboxItem.class)
                        .item(record).conditionExpression(KEY_IS_NEW).build());
                claim.ifPresent(c -> tx.addPutItem(table.idempotency(),
                        TransactPutItemEnhancedRequest.builder(IdempotencyItem.class)
                                .item(idempotencyItem(c, order.createdAt())).conditionExpression(KEY_IS_NEW).build()));
            });
        } catch (TransactionCanceledException e) {
            if (claim.isPresent() && conditionFailedAt(e, 2)) {
                throw new IdempotencyKeyTakenException(claim.get().key());
            }
            throw e;
        }
        outbox.committed(record);
        // What a read would return now, without the read: the attributes as written (timestamps at the stored
        // precision) and the version the extension wrote for a new item. (Real DynamoDB drops trailing zeros of
        // numbers, so a read may show 4.2 where this shows 4.20: the same value.)
        item.setVersion(FIRST_VERSION);
        return OrderMapping.toOrder(item);
    }

    @Override
    public Optional<Order> find(String orderId) {
        return Optional.ofNullable(table.orders().getItem(r -> r.key(key(OrdersTable.orderKey(orderId))).consistentRead(true)))
                .map(OrderMapping::toOrder);
    }

    @Override
    public Optional<Instant> sentToCarrierAt(String orderId) {
        String eventId = OrderCreated.eventIdFor(orderId);
        OutboxItem record = table.outbox()
                .getItem(r -> r.key(key(OrdersTable.outboxKey(eventId))).consistentRead(true));
        return Optional.ofNullable(record).map(OutboxItem::getPublishedAt).map(Timestamps::parse);
    }

    @Override
    public OrderPage findByStatus(OrderStatus status, int limit, Optional<String> cursor) {
        Optional<Map<String, AttributeValue>> start = cursor.map(text -> cursors.decode(text, status));
        Page<OrderItem> page = table.orders().index(OrdersTable.STATUS_INDEX)
                .query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(status.name())))
                        .limit(limit)
                        .exclusiveStartKey(start.orElse(null)))
                .iterator().next();
        List<Order> orders = page.items().stream().map(OrderMapping::toOrder).toList();
        Map<String, AttributeValue> last = page.lastEvaluatedKey();
        return new OrderPage(orders, last == null || last.isEmpty() ? Optional.empty() : Optional.of(cursors.encode(last)));
    }

    @Override
    public Optional<IdempotencyClaim> findClaim(String idempotencyKey) {
        IdempotencyItem item = table.idempotency()
                .getItem(r -> r.key(key(OrdersTable.idempotencyKey(idempotencyKey))).consistentRead(true));
        // DynamoDB's TTL deletes lazily (up to days later); an expired claim counts as gone already.
        if (item == null || item.getExpiresAt() < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(new IdempotencyClaim(idempotencyKey, item.getFingerprint(), item.getOrderId()));
    }

    @Override
    public boolean isApplied(String eventId) {
        return table.inbox().getItem(r -> r.key(key(OrdersTable.inboxKey(eventId))).consistentRead(true)) != null;
    }

    @Override
    public boolean saveApplying(Order changed, String eventId, String eventName) {
        Instant now = clock.instant();
        InboxItem mark = new InboxItem();
        mark.setPk(OrdersTable.inboxKey(eventId));
        mark.setOrderId(changed.id());
        mark.setEventName(eventName);
        mark.setAppliedAt(Timestamps.format(now));
        mark.setExpiresAt(now.plus(settings.inboxRetention()).getEpochSecond());
        try {
            client.transactWriteItems(tx -> tx
                    // The version extension turns this into "write only if version is still the one read".
                    .addPutItem(table.orders(), OrderMapping.toItem(changed))
                    .addPutItem(table.inbox(), TransactPutItemEnhancedRequest.builder(InboxItem.class)
                            .item(mark).conditionExpression(KEY_IS_NEW).build()));
            return true;
        } catch (TransactionCanceledException e) {
            if (conditionFailedAt(e, 1)) {
                return false;
            }
            if (conditionFailedAt(e, 0)) {
                throw new ConcurrentOrderUpdateException(changed.id());
            }
            throw e;
        }
    }

    @Override
    public Optional<AppliedEvent> findApplied(String eventId) {
        return Optional.ofNullable(table.inbox().getItem(r -> r.key(key(OrdersTable.inboxKey(eventId)))))
                .map(mark -> new AppliedEvent(eventId, mark.getOrderId(), mark.getEventName(),
                        Timestamps.parse(mark.getAppliedAt())));
    }

    private IdempotencyItem idempotencyItem(IdempotencyClaim claim, Instant now) {
        IdempotencyItem item = new IdempotencyItem();
        item.setPk(OrdersTable.idempotencyKey(claim.key()));
        item.setOrderId(claim.orderId());
        item.setFingerprint(claim.fingerprint());
        item.setCreatedAt(Timestamps.format(now));
        item.setExpiresAt(now.plus(settings.idempotencyRetention()).getEpochSecond());
        return item;
    }

    private static boolean conditionFailedAt(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static Key key(String partitionKey) {
        return Key.builder().partitionValue(partitionKey).build();
    }
}

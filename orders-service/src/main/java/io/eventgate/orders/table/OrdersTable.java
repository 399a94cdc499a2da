package io.eventgate.orders.table;

import io.eventgate.aws.table.TableLayout;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The table's name, key prefixes and index names, and typed handles on each kind of item in it. Its layout is
 * described once, in {@code eventgate/tables/orders.yaml} ({@link #LAYOUT}); {@code TableLayoutTest} fails when the
 * names here or the item schemas drift from it.
 */
@Component
public class OrdersTable {

    public static final TableLayout LAYOUT = TableLayout.load("orders");
    public static final String PARTITION_KEY = "pk";
    public static final String STATUS_INDEX = "status-index";
    public static final String OUTBOX_INDEX = "outbox-pending-index";
    public static final String TTL_ATTRIBUTE = "expiresAt";

    private static final TableSchema<OrderItem> ORDER_SCHEMA = TableSchema.fromBean(OrderItem.class);
    public static final TableSchema<OutboxItem> OUTBOX_SCHEMA = TableSchema.fromBean(OutboxItem.class);
    private static final TableSchema<IdempotencyItem> IDEMPOTENCY_SCHEMA = TableSchema.fromBean(IdempotencyItem.class);
    private static final TableSchema<InboxItem> INBOX_SCHEMA = TableSchema.fromBean(InboxItem.class);

    private final String name;
    private final DynamoDbTable<OrderItem> orders;
    private final DynamoDbTable<OutboxItem> outbox;
    private final DynamoDbTable<IdempotencyItem> idempotency;
    private final DynamoDbTable<InboxItem> inbox;

    public OrdersTable(DynamoDbEnhancedClient client, TableSettings settings) {
        this.name = settings.name();
        this.orders = client.table(name, ORDER_SCHEMA);
        this.outbox = client.table(name, OUTBOX_SCHEMA);
        this.idempotency = client.table(name, IDEMPOTENCY_SCHEMA);
        this.inbox = client.table(name, INBOX_SCHEMA);
    }

    public String name() {
        return name;
    }

    public DynamoDbTable<OrderItem> orders() {
        return orders;
    }

    public DynamoDbTable<OutboxItem> outbox() {
        return outbox;
    }

    public DynamoDbTable<IdempotencyItem> idempotency() {
        return idempotency;
    }

    public DynamoDbTable<InboxItem> inbox() {
        return inbox;
    }

    public static String orderKey(String orderId) {
        return "order#" + orderId;
    }

    public static String outboxKey(String eventId) {
        return "outbox#" + eventId;
    }

    public static String idempotencyKey(String key) {
        return "idempotency#" + key;
    }

    public static String inboxKey(String eventId) {
        return "inbox#" + eventId;
    }
}

package io.eventgate.orders.table;

import io.eventgate.aws.table.TableLayout;
import org.springframework.beans.factory.annotation.Autowired;
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
public record OrdersTable(String name, DynamoDbTable<OrderItem> orders, DynamoDbTable<OutboxItem> outbox,
                          DynamoDbTable<IdempotencyItem> idempotency, DynamoDbTable<InboxItem> inbox) {

    public static final TableLayout LAYOUT = TableLayout.load("orders");
    public static final String PARTITION_KEY = "pk";
    public static final String STATUS_INDEX = "status-index";
    public static final String OUTBOX_INDEX = "outbox-pending-index";
    public static final String TTL_ATTRIBUTE = "expiresAt";

    private static final TableSchema<OrderItem> ORDER_SCHEMA = TableSchema.fromBean(OrderItem.class);
    public static final TableSchema<OutboxItem> OUTBOX_SCHEMA = TableSchema.fromBean(OutboxItem.class);
    private static final TableSchema<IdempotencyItem> IDEMPOTENCY_SCHEMA = TableSchema.fromBean(IdempotencyItem.class);
    private static final TableSchema<InboxItem> INBOX_SCHEMA = TableSchema.fromBean(InboxItem.class);

    /** The handles on the settings' table: the constructor Spring uses. */
    @Autowired
    public OrdersTable(DynamoDbEnhancedClient client, TableSettings settings) {
        this(settings.name(), client.table(settings.name(), ORDER_SCHEMA), client.table(settings.name(), OUTBOX_SCHEMA),
                client.table(settings.name(), IDEMPOTENCY_SCHEMA), client.table(settings.name(), INBOX_SCHEMA));
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

package io.eventgate.orders.table;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Creates the table at start when {@code eventgate.orders.table.create-on-start} is set and the table is missing.
 * Runs while the context starts, so the service reports ready only once its table exists.
 */
@Component
@ConditionalOnBooleanProperty("eventgate.orders.table.create-on-start")
public class TableCreator implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(TableCreator.class);

    private final DynamoDbClient dynamo;
    private final String table;

    TableCreator(DynamoDbClient dynamo, TableSettings settings) {
        this.dynamo = dynamo;
        this.table = settings.name();
    }

    @Override
    public void afterPropertiesSet() {
        create(dynamo, table);
    }

    /** Creates the table with the layout described in this package's documentation, unless it exists. */
    public static void create(DynamoDbClient dynamo, String table) {
        try {
            TableDescription existing = dynamo.describeTable(b -> b.tableName(table)).table();
            log.info("table {} exists", table);
            if (existing.streamSpecification() == null || !Boolean.TRUE.equals(existing.streamSpecification().streamEnabled())) {
                // A table from before the live updates: they need its stream.
                log.info("turning on the stream of table {} ({})", table, OrdersTable.STREAM_VIEW_TYPE);
                dynamo.updateTable(b -> b.tableName(table).streamSpecification(
                        s -> s.streamEnabled(true).streamViewType(OrdersTable.STREAM_VIEW_TYPE)));
            }
            return;
        } catch (ResourceNotFoundException missing) {
            log.info("creating table {}", table);
        }
        try {
            dynamo.createTable(b -> b.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(string(OrdersTable.PARTITION_KEY), string("status"), string("createdAt"),
                            string("outboxState"))
                    .keySchema(k -> k.attributeName(OrdersTable.PARTITION_KEY).keyType(KeyType.HASH))
                    .globalSecondaryIndexes(
                            index(OrdersTable.STATUS_INDEX, "status", ProjectionType.ALL),
                            index(OrdersTable.OUTBOX_INDEX, "outboxState", ProjectionType.KEYS_ONLY))
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(OrdersTable.STREAM_VIEW_TYPE)));
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(table));
            dynamo.updateTimeToLive(b -> b.tableName(table)
                    .timeToLiveSpecification(t -> t.attributeName(OrdersTable.TTL_ATTRIBUTE).enabled(true)));
        } catch (ResourceInUseException raced) {
            log.info("table {} was created concurrently", table);
        }
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static GlobalSecondaryIndex index(String name, String partitionKey, ProjectionType projection) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(k -> k.attributeName(partitionKey).keyType(KeyType.HASH),
                        k -> k.attributeName("createdAt").keyType(KeyType.RANGE))
                .projection(p -> p.projectionType(projection))
                .build();
    }
}

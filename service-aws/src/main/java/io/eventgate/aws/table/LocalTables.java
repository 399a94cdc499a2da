package io.eventgate.aws.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Creates a service's table from its layout on local runs (on AWS the provisioner creates it from the same file). A
 * table that exists is kept, only its stream is turned on when the layout has one and the table does not (a table
 * from before that stream).
 */
public final class LocalTables {

    private static final Logger log = LoggerFactory.getLogger(LocalTables.class);

    private LocalTables() {
    }

    /** Creates table {@code name} with {@code layout} unless it exists, and waits until it is active. */
    public static void createIfMissing(DynamoDbClient dynamo, TableLayout layout, String name) {
        try {
            TableDescription existing = dynamo.describeTable(b -> b.tableName(name)).table();
            log.info("table {} exists", name);
            boolean streamOn = existing.streamSpecification() != null
                    && Boolean.TRUE.equals(existing.streamSpecification().streamEnabled());
            if (!layout.streamViewType().isEmpty() && !streamOn) {
                log.info("turning on the stream of table {} ({})", name, layout.streamViewType());
                dynamo.updateTable(b -> b.tableName(name).streamSpecification(stream(layout)));
            }
            return;
        } catch (ResourceNotFoundException missing) {
            log.info("creating table {}", name);
        }
        try {
            dynamo.createTable(createRequest(layout, name));
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
            if (!layout.timeToLiveAttribute().isEmpty()) {
                dynamo.updateTimeToLive(b -> b.tableName(name)
                        .timeToLiveSpecification(t -> t.attributeName(layout.timeToLiveAttribute()).enabled(true)));
            }
        } catch (ResourceInUseException raced) {
            log.info("table {} was created concurrently", name);
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
        }
    }

    /** The {@code CreateTable} request for the layout, on demand (pay per request), under {@code name}. */
    static CreateTableRequest createRequest(TableLayout layout, String name) {
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributeDefinitions(layout))
                .keySchema(keys(layout.partitionKey(), layout.sortKey()));
        if (!layout.globalSecondaryIndexes().isEmpty()) {
            request.globalSecondaryIndexes(layout.globalSecondaryIndexes().stream().map(LocalTables::index).toList());
        }
        if (!layout.streamViewType().isEmpty()) {
            request.streamSpecification(stream(layout));
        }
        return request.build();
    }

    private static StreamSpecification stream(TableLayout layout) {
        return StreamSpecification.builder().streamEnabled(true).streamViewType(layout.streamViewType()).build();
    }

    private static List<AttributeDefinition> attributeDefinitions(TableLayout layout) {
        Map<String, String> types = new LinkedHashMap<>();
        List<TableLayout.Key> keys = new ArrayList<>();
        keys.add(layout.partitionKey());
        layout.sort().ifPresent(keys::add);
        for (TableLayout.Index index : layout.globalSecondaryIndexes()) {
            keys.add(index.partitionKey());
            index.sort().ifPresent(keys::add);
        }
        keys.forEach(key -> types.putIfAbsent(key.name(), key.type()));
        return types.entrySet().stream().map(e -> AttributeDefinition.builder().attributeName(e.getKey())
                .attributeType(e.getValue()).build()).toList();
    }

    private static GlobalSecondaryIndex index(TableLayout.Index index) {
        return GlobalSecondaryIndex.builder().indexName(index.name())
                .keySchema(keys(index.partitionKey(), index.sortKey()))
                .projection(p -> {
                    p.projectionType(index.projection());
                    if (!index.nonKeyAttributes().isEmpty()) {
                        p.nonKeyAttributes(index.nonKeyAttributes());
                    }
                })
                .build();
    }

    private static List<KeySchemaElement> keys(TableLayout.Key partition, TableLayout.Key sort) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(partition.name()).keyType(KeyType.HASH).build());
        if (sort != null) {
            keys.add(KeySchemaElement.builder().attributeName(sort.name()).keyType(KeyType.RANGE).build());
        }
        return keys;
    }
}

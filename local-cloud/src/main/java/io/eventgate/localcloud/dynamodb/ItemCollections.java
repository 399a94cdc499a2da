package io.eventgate.localcloud.dynamodb;

import io.eventgate.localcloud.edge.AwsJsonClient;
import io.eventgate.localcloud.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ItemCollectionMetrics}, which DynamoDB Local leaves out: for a table with local secondary indexes and a write
 * asking {@code ReturnItemCollectionMetrics=SIZE}, the written item's partition key and an estimate of its item
 * collection's size ({@code SizeEstimateRangeGB}, a lower and an upper bound in whole gigabytes, as AWS reports it).
 * The size is measured by reading the collection back (only when asked for, only on such tables).
 */
final class ItemCollections {

    private static final double GB = 1024.0 * 1024 * 1024;
    private static final int MAX_PAGES = 20;

    /** What a table's shape says about item collections: its partition key, and whether it has LSIs. */
    record Shape(String partitionKey, boolean localIndexes) {
    }

    private final AwsJsonClient dynamo;
    private final Map<String, Shape> shapes = new ConcurrentHashMap<>();

    ItemCollections(AwsJsonClient dynamo) {
        this.dynamo = dynamo;
    }

    /** The table's definition changed or it is gone. */
    void forget(String table) {
        shapes.remove(table);
    }

    /** PutItem, UpdateItem, DeleteItem: the metrics of the one item written, when the table has LSIs. */
    void single(String table, JsonNode itemOrKey, ObjectNode output) throws IOException, InterruptedException {
        if (output.has("ItemCollectionMetrics")) {
            return;
        }
        metrics(table, itemOrKey).ifPresent(m -> output.set("ItemCollectionMetrics", m));
    }

    /**
     * BatchWriteItem and TransactWriteItems: {@code {table: [metrics...]}} for every written item of a table with LSIs.
     *
     * @param writes table name → the items or keys written there
     */
    void many(Map<String, java.util.List<JsonNode>> writes, ObjectNode output)
            throws IOException, InterruptedException {
        if (output.has("ItemCollectionMetrics") && !output.get("ItemCollectionMetrics").isEmpty()) {
            return;
        }
        ObjectNode all = Json.object();
        for (var table : writes.entrySet()) {
            for (JsonNode written : table.getValue()) {
                Optional<ObjectNode> metrics = metrics(table.getKey(), written);
                if (metrics.isPresent()) {
                    JsonNode list = all.get(table.getKey());
                    (list == null ? all.putArray(table.getKey()) : (ArrayNode) list).add(metrics.get());
                }
            }
        }
        if (!all.isEmpty()) {
            output.set("ItemCollectionMetrics", all);
        }
    }

    private Optional<ObjectNode> metrics(String table, JsonNode itemOrKey) throws IOException, InterruptedException {
        Optional<Shape> shape = shape(table);
        if (shape.isEmpty() || !shape.get().localIndexes() || !itemOrKey.has(shape.get().partitionKey())) {
            return Optional.empty();
        }
        String keyName = shape.get().partitionKey();
        JsonNode keyValue = itemOrKey.get(keyName);
        double gigabytes = size(table, keyName, keyValue) / GB;
        ObjectNode metrics = Json.object();
        metrics.putObject("ItemCollectionKey").set(keyName, keyValue);
        double lower = Math.floor(gigabytes);
        metrics.putArray("SizeEstimateRangeGB").add(BigDecimal.valueOf(lower)).add(BigDecimal.valueOf(lower + 1));
        return Optional.of(metrics);
    }

    /** Bytes of the item collection, counted as the JSON text of its items (close to DynamoDB's own measure). */
    private long size(String table, String keyName, JsonNode keyValue) throws IOException, InterruptedException {
        long bytes = 0;
        JsonNode start = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            ObjectNode query = Json.object().put("TableName", table).put("KeyConditionExpression", "#k = :v");
            query.putObject("ExpressionAttributeNames").put("#k", keyName);
            query.putObject("ExpressionAttributeValues").set(":v", keyValue);
            if (start != null) {
                query.set("ExclusiveStartKey", start);
            }
            JsonNode result = call("Query", query);
            for (JsonNode item : result.path("Items")) {
                bytes += Json.text(item).getBytes(StandardCharsets.UTF_8).length;
            }
            start = result.get("LastEvaluatedKey");
            if (start == null) {
                break;
            }
        }
        return bytes;
    }

    private Optional<Shape> shape(String table) throws IOException, InterruptedException {
        Shape known = shapes.get(table);
        if (known != null) {
            return Optional.of(known);
        }
        JsonNode description;
        try {
            description = call("DescribeTable", Json.object().put("TableName", table)).path("Table");
        } catch (IOException e) {
            return Optional.empty();
        }
        String partitionKey = null;
        for (JsonNode key : description.path("KeySchema")) {
            if ("HASH".equals(key.path("KeyType").asString())) {
                partitionKey = key.path("AttributeName").asString();
            }
        }
        if (partitionKey == null) {
            return Optional.empty();
        }
        Shape shape = new Shape(partitionKey, !description.path("LocalSecondaryIndexes").isEmpty());
        shapes.put(table, shape);
        return Optional.of(shape);
    }

    private JsonNode call(String operation, ObjectNode input) throws IOException, InterruptedException {
        try {
            return dynamo.call(operation, input);
        } catch (AwsJsonClient.Failure e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}

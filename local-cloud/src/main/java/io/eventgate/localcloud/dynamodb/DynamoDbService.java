package io.eventgate.localcloud.dynamodb;

import io.eventgate.localcloud.edge.AwsJsonClient;
import io.eventgate.localcloud.edge.AwsRequests;
import io.eventgate.localcloud.edge.EdgeRequest;
import io.eventgate.localcloud.edge.EdgeResponse;
import io.eventgate.localcloud.edge.EdgeService;
import io.eventgate.localcloud.edge.FrontService;
import io.eventgate.localcloud.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DynamoDB in front of DynamoDB Local: requests are checked the way AWS checks them before any table is looked at,
 * the operations DynamoDB Local lacks are answered here (tagging, continuous backups), and writes that ask for
 * {@code ItemCollectionMetrics} get them. Everything else — and DynamoDB Streams — passes through unchanged.
 */
final class DynamoDbService extends FrontService {

    private static final String PREFIX = "DynamoDB_20120810";

    private final AwsJsonClient dynamo;
    private final TableExtras extras;
    private final ItemCollections collections;

    DynamoDbService(EdgeService backend, AwsJsonClient dynamo, TableExtras extras) {
        super(backend);
        this.dynamo = dynamo;
        this.extras = extras;
        this.collections = new ItemCollections(dynamo);
    }

    @Override
    public EdgeResponse handle(EdgeRequest request) throws Exception {
        if (AwsRequests.targetPrefix(request).filter(PREFIX::equals).isEmpty()) {
            return backend.handle(request); // DynamoDB Streams
        }
        String operation = AwsRequests.targetOperation(request).orElse("");
        try {
            JsonNode input;
            try {
                input = request.body().length == 0 ? Json.object() : Json.parse(request.body());
            } catch (JacksonException e) {
                throw DynamoDbErrors.serialization("The request body is not valid JSON.");
            }
            if (!input.isObject()) {
                throw DynamoDbErrors.serialization("The request body must be a JSON object.");
            }
            RequestValidation.check(operation, input);
            return switch (operation) {
                case "TagResource" -> {
                    extras.tag(existingTableArn(input), input.get("Tags"));
                    yield ok(Json.object());
                }
                case "UntagResource" -> {
                    String arn = existingTableArn(input);
                    List<String> keys = new ArrayList<>();
                    JsonNode tagKeys = input.get("TagKeys");
                    if (tagKeys == null || !tagKeys.isArray()) {
                        throw DynamoDbErrors.validation("1 validation error detected: Value null at 'tagKeys' failed "
                                + "to satisfy constraint: Member must not be null");
                    }
                    tagKeys.forEach(k -> keys.add(k.asString()));
                    extras.untag(arn, keys);
                    yield ok(Json.object());
                }
                case "ListTagsOfResource" -> ok(extras.listTags(existingTableArn(input)));
                case "DescribeContinuousBackups" -> ok(extras.describeBackups(existingTable(input)));
                case "UpdateContinuousBackups" -> {
                    JsonNode specification = input.get("PointInTimeRecoverySpecification");
                    if (specification == null || !specification.isObject()) {
                        throw DynamoDbErrors.validation("1 validation error detected: Value null at "
                                + "'pointInTimeRecoverySpecification' failed to satisfy constraint: Member must not be "
                                + "null");
                    }
                    yield ok(extras.updateBackups(existingTable(input), specification));
                }
                default -> forward(operation, input, request);
            };
        } catch (DynamoDbErrors.Failure e) {
            return e.response();
        }
    }

    private EdgeResponse forward(String operation, JsonNode input, EdgeRequest request) throws Exception {
        if ("CreateTable".equals(operation) && input.has("Tags")) {
            TableExtras.readTags(input.get("Tags")); // refused before the table is created, as AWS does
        }
        EdgeResponse response = backend.handle(request);
        if (response.status() != 200) {
            return response;
        }
        String table = tableName(input.path("TableName").asString(""));
        switch (operation) {
            case "CreateTable" -> {
                collections.forget(table);
                if (input.has("Tags")) {
                    extras.tag(Json.parse(response.body()).path("TableDescription").path("TableArn").asString(),
                            input.get("Tags"));
                }
            }
            case "UpdateTable" -> collections.forget(table);
            case "DeleteTable" -> {
                collections.forget(table);
                extras.forget(table, Json.parse(response.body()).path("TableDescription").path("TableArn").asString());
            }
            case "PutItem", "UpdateItem", "DeleteItem" -> {
                if (wantsMetrics(input)) {
                    ObjectNode output = (ObjectNode) Json.parse(response.body());
                    collections.single(table, "PutItem".equals(operation) ? input.path("Item") : input.path("Key"),
                            output);
                    return rewritten(response, Json.bytes(output));
                }
            }
            case "BatchWriteItem", "TransactWriteItems" -> {
                if (wantsMetrics(input)) {
                    ObjectNode output = (ObjectNode) Json.parse(response.body());
                    collections.many("BatchWriteItem".equals(operation) ? batchWrites(input, output)
                            : transactWrites(input), output);
                    return rewritten(response, Json.bytes(output));
                }
            }
            default -> {
            }
        }
        return response;
    }

    private static boolean wantsMetrics(JsonNode input) {
        return "SIZE".equals(input.path("ReturnItemCollectionMetrics").asString(""));
    }

    /** The items and keys a BatchWriteItem wrote (those DynamoDB did not hand back as unprocessed). */
    private static Map<String, List<JsonNode>> batchWrites(JsonNode input, JsonNode output) {
        Map<String, List<JsonNode>> writes = new LinkedHashMap<>();
        input.path("RequestItems").properties().forEach(table -> {
            JsonNode unprocessed = output.path("UnprocessedItems").path(table.getKey());
            for (JsonNode request : table.getValue()) {
                if (containsEqual(unprocessed, request)) {
                    continue;
                }
                JsonNode written = request.has("PutRequest") ? request.path("PutRequest").path("Item")
                        : request.path("DeleteRequest").path("Key");
                writes.computeIfAbsent(tableName(table.getKey()), t -> new ArrayList<>()).add(written);
            }
        });
        return writes;
    }

    private static boolean containsEqual(JsonNode list, JsonNode value) {
        for (JsonNode item : list) {
            if (item.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, List<JsonNode>> transactWrites(JsonNode input) {
        Map<String, List<JsonNode>> writes = new LinkedHashMap<>();
        for (JsonNode item : input.path("TransactItems")) {
            for (String kind : List.of("Put", "Update", "Delete")) {
                JsonNode write = item.get(kind);
                if (write != null) {
                    writes.computeIfAbsent(tableName(write.path("TableName").asString()), t -> new ArrayList<>())
                            .add("Put".equals(kind) ? write.path("Item") : write.path("Key"));
                }
            }
        }
        return writes;
    }

    /** A table name from a name or a table ARN (DynamoDB accepts either). */
    private static String tableName(String nameOrArn) {
        return TableExtras.tableOf(nameOrArn).orElse(nameOrArn);
    }

    /** The table the request names; {@code TableNotFoundException} when it does not exist. */
    private String existingTable(JsonNode input) throws Exception {
        String table = tableName(input.path("TableName").asString(""));
        if (describe(table).isEmpty()) {
            throw DynamoDbErrors.tableNotFound(table);
        }
        return table;
    }

    /** The table ARN the request names; {@code ResourceNotFoundException} when that table does not exist. */
    private String existingTableArn(JsonNode input) throws Exception {
        JsonNode arnNode = input.get("ResourceArn");
        if (arnNode == null || arnNode.isNull()) {
            throw DynamoDbErrors.validation("1 validation error detected: Value null at 'resourceArn' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        String arn = arnNode.asString("");
        String table = TableExtras.tableOf(arn).orElseThrow(() -> DynamoDbErrors.validation(
                "Invalid TableArn: " + arn + " (expected arn:aws:dynamodb:<region>:<account>:table/<name>)"));
        java.util.Optional<String> actual = describe(table);
        if (actual.isEmpty() || !actual.get().equals(arn)) {
            throw DynamoDbErrors.resourceNotFound("Requested resource not found: ResourceArn: " + arn + " not found");
        }
        return arn;
    }

    /** The table's ARN, or empty when there is no such table. */
    private java.util.Optional<String> describe(String table) throws Exception {
        try {
            return java.util.Optional.of(dynamo.call("DescribeTable", Json.object().put("TableName", table))
                    .path("Table").path("TableArn").asString());
        } catch (AwsJsonClient.Failure e) {
            if (e.code().contains("ResourceNotFound")) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }

    private static EdgeResponse ok(JsonNode output) {
        byte[] body = Json.bytes(output);
        return EdgeResponse.of(200, DynamoDbErrors.CONTENT_TYPE, body)
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                .withHeader("x-amz-crc32", crc32(body));
    }

    /** DynamoDB Local's answer with another body: its CRC32 header (which the SDKs verify) must follow. */
    private static EdgeResponse rewritten(EdgeResponse response, byte[] body) {
        return new EdgeResponse(response.status(), response.headers(), body).withHeader("x-amz-crc32", crc32(body));
    }

    private static String crc32(byte[] body) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body);
        return Long.toString(crc.getValue());
    }
}

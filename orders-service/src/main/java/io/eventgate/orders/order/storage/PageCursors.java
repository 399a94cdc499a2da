package io.eventgate.orders.order.storage;

import io.eventgate.orders.order.InvalidCursorException;
import io.eventgate.orders.order.OrderIds;
import io.eventgate.orders.order.OrderStatus;
import io.eventgate.orders.table.OrdersTable;
import io.eventgate.orders.table.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opaque paging cursors: DynamoDB's {@code LastEvaluatedKey} of the status index as base64url JSON. Decoding
 * accepts only what {@link #encode} produces for the same status, so a client cannot steer the query elsewhere.
 */
@Component
class PageCursors {

    private static final Set<String> KEY_ATTRIBUTES = Set.of(OrdersTable.PARTITION_KEY, "status", "createdAt");
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final JsonMapper json;

    PageCursors(JsonMapper json) {
        this.json = json;
    }

    String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        Map<String, String> plain = new LinkedHashMap<>();
        lastEvaluatedKey.forEach((name, value) -> plain.put(name, value.s()));
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.writeValueAsString(plain).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean wellFormedKey(String pk) {
        String prefix = OrdersTable.orderKey("");
        return pk.startsWith(prefix) && OrderIds.isWellFormed(pk.substring(prefix.length()));
    }

    private static boolean wellFormedTime(String createdAt) {
        try {
            return createdAt.equals(Timestamps.format(Timestamps.parse(createdAt)));
        } catch (DateTimeException e) {
            return false;
        }
    }

    Map<String, AttributeValue> decode(String cursor, OrderStatus status) {
        Map<String, String> plain;
        try {
            plain = json.readValue(Base64.getUrlDecoder().decode(cursor), STRING_MAP);
        } catch (IllegalArgumentException | JacksonException e) {
            throw new InvalidCursorException();
        }
        if (plain == null || !plain.keySet().equals(KEY_ATTRIBUTES) || !status.name().equals(plain.get("status"))
                || plain.values().stream().anyMatch(v -> v == null || v.isEmpty())
                || !wellFormedKey(plain.get(OrdersTable.PARTITION_KEY)) || !wellFormedTime(plain.get("createdAt"))) {
            throw new InvalidCursorException();
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        // Only what encode could have produced reaches DynamoDB as a start key: an order key and a timestamp.
        plain.forEach((name, value) -> key.put(name, AttributeValue.fromS(value)));
        return key;
    }
}

package io.eventgate.orders.outbox;

import io.eventgate.orders.table.OrdersTable;
import io.eventgate.orders.table.TableSettings;
import io.eventgate.orders.table.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The relay's view of outbox records: find pending ones, claim one with a lease, mark it published, or put it back
 * for later. Every write is conditional on the lease, which is what makes two relays safe side by side.
 */
@Component
class OutboxStore {

    private final DynamoDbClient dynamo;
    private final String table;

    OutboxStore(DynamoDbClient dynamo, TableSettings tableSettings) {
        this.dynamo = dynamo;
        this.table = tableSettings.name();
    }

    /** Ids of up to {@code limit} unpublished records, oldest first, read from the sparse pending index. */
    List<String> pendingEventIds(int limit) {
        return dynamo.query(b -> b.tableName(table).indexName(OrdersTable.OUTBOX_INDEX)
                        .keyConditionExpression("outboxState = :pending")
                        .expressionAttributeValues(Map.of(":pending", s(OrderCreatedOutbox.PENDING)))
                        .limit(limit))
                .items().stream()
                .map(item -> item.get(OrdersTable.PARTITION_KEY).s().substring("outbox#".length()))
                .toList();
    }

    /**
     * Claims a pending record whose lease is free or expired.
     *
     * @return the event to publish, or empty when the record is published, leased by someone else, or its retry
     *         is not due yet
     */
    Optional<Claim> claim(String eventId, String owner, Instant now, Instant leaseUntil) {
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(table)
                    .key(key(eventId))
                    .updateExpression("SET leaseUntil = :until, leaseOwner = :owner")
                    .conditionExpression("outboxState = :pending AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)")
                    .expressionAttributeValues(Map.of(":until", n(leaseUntil), ":owner", s(owner),
                            ":pending", s(OrderCreatedOutbox.PENDING), ":now", n(now)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            int attempts = item.containsKey("attempts") ? Integer.parseInt(item.get("attempts").n()) : 0;
            return Optional.of(new Claim(new OutboundEvent(eventId, item.get("source").s(), item.get("detailType").s(),
                    item.get("detail").s()), attempts));
        } catch (ConditionalCheckFailedException notClaimable) {
            return Optional.empty();
        }
    }

    /**
     * Marks a record published and drops it from the pending index.
     *
     * @return {@code false} when the lease had passed to another instance (which then publishes a duplicate with
     *         the same event id — downstream recognises it)
     */
    boolean markPublished(String eventId, String owner, Instant now) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(eventId))
                    .updateExpression("SET publishedAt = :now REMOVE outboxState, leaseUntil, leaseOwner")
                    .conditionExpression("leaseOwner = :owner")
                    .expressionAttributeValues(Map.of(":now", s(Timestamps.format(now)), ":owner", s(owner))));
            return true;
        } catch (ConditionalCheckFailedException leaseLost) {
            return false;
        }
    }

    /** Leaves a record pending but not claimable before {@code retryAt}, counting the failed attempt. */
    void postpone(String eventId, String owner, Instant retryAt) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(eventId))
                    .updateExpression("SET leaseUntil = :retryAt, attempts = if_not_exists(attempts, :zero) + :one "
                            + "REMOVE leaseOwner")
                    .conditionExpression("leaseOwner = :owner")
                    .expressionAttributeValues(Map.of(":retryAt", n(retryAt), ":zero", AttributeValue.fromN("0"),
                            ":one", AttributeValue.fromN("1"), ":owner", s(owner))));
        } catch (ConditionalCheckFailedException leaseLost) {
            // Another instance holds it now and takes care of it.
        }
    }

    /** A claimed record: the event to publish and how many attempts to publish it failed before. */
    record Claim(OutboundEvent event, int attempts) {
    }

    private static Map<String, AttributeValue> key(String eventId) {
        return Map.of(OrdersTable.PARTITION_KEY, s(OrdersTable.outboxKey(eventId)));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }
}

package io.eventgate.orders.outbox;

import io.eventgate.orders.table.OrdersTable;
import io.eventgate.orders.table.OutboxItem;
import io.eventgate.orders.table.TableSettings;
import io.eventgate.orders.table.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The relay's view of outbox records: find pending ones, claim one with a lease, mark a batch published, or put
 * one back for later. Every write is conditional on the lease, which is what keeps two relays from publishing the
 * same record at the same time.
 */
@Component
class OutboxStore {

    /** The most records one mark writes: one PutEvents call's worth. */
    static final int MAX_MARK_BATCH = EventPublisher.MAX_BATCH;
    private static final TableSchema<OutboxItem> SCHEMA = TableSchema.fromBean(OutboxItem.class);

    private final DynamoDbClient dynamo;
    private final String table;

    OutboxStore(DynamoDbClient dynamo, TableSettings tableSettings) {
        this.dynamo = dynamo;
        this.table = tableSettings.name();
    }

    /** Ids of up to {@code limit} unpublished records, oldest first, read from the sparse pending index. */
    List<String> pendingEventIds(int limit) {
        return pendingIndex(b -> b.limit(limit)).items().stream()
                .map(item -> item.get(OrdersTable.PARTITION_KEY).s().substring("outbox#".length()))
                .toList();
    }

    /**
     * How many records are unpublished and when the oldest of them was written: a paginated count on the sparse
     * pending index (it holds only unpublished records, so it costs in proportion to the backlog, not the table).
     */
    OutboxBacklog.Snapshot backlog() {
        Optional<Instant> oldest = pendingIndex(b -> b.limit(1)).items().stream().findFirst()
                .map(item -> Timestamps.parse(item.get("createdAt").s()));
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = pendingIndex(b -> b.select(Select.COUNT).exclusiveStartKey(from));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return new OutboxBacklog.Snapshot(count, oldest);
    }

    private QueryResponse pendingIndex(Consumer<QueryRequest.Builder> more) {
        return dynamo.query(b -> {
            b.tableName(table).indexName(OrdersTable.OUTBOX_INDEX)
                    .keyConditionExpression("outboxState = :pending")
                    .expressionAttributeValues(Map.of(":pending", s(OrderCreatedOutbox.PENDING)));
            more.accept(b);
        });
    }

    /**
     * Claims a pending record whose lease is free or expired.
     *
     * @return the record, leased to {@code owner}, or empty when it is published, leased by someone else, or its
     *         retry is not due yet
     */
    Optional<OutboxItem> claim(String eventId, String owner, Instant now, Instant leaseUntil) {
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(table)
                    .key(key(eventId))
                    .updateExpression("SET leaseUntil = :until, leaseOwner = :owner")
                    .conditionExpression("outboxState = :pending AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)")
                    .expressionAttributeValues(Map.of(":until", n(leaseUntil), ":owner", s(owner),
                            ":pending", s(OrderCreatedOutbox.PENDING), ":now", n(now)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(SCHEMA.mapToItem(item));
        } catch (ConditionalCheckFailedException notClaimable) {
            return Optional.empty();
        }
    }

    /**
     * Marks records published, which drops them from the pending index: one {@code TransactWriteItems} of
     * conditional updates for the whole batch (≤ {@value #MAX_MARK_BATCH}), each only if {@code owner} still holds
     * the record's lease.
     *
     * <p>A transaction rather than {@code BatchWriteItem}: batch writes take no condition, so the lease could not be
     * checked; and DynamoDB Local queues each item of a batch write behind every other caller's request — while 32
     * callers write order transactions a batch of ten takes ~1 s, a transaction of ten ~0.1 s
     * ({@code bench/orders/mark-latency.sh}) — which starves the relay exactly when it is needed.
     *
     * @return the records whose lease had passed to another instance (which then publishes a duplicate with the same
     *         event id — downstream recognises it); they are left as that instance leaves them
     */
    List<OutboxItem> markPublished(List<OutboxItem> records, String owner, Instant now) throws InterruptedException {
        if (records.size() > MAX_MARK_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_MARK_BATCH + " records per mark, not " + records.size());
        }
        List<OutboxItem> lost = new ArrayList<>();
        List<OutboxItem> remaining = records;
        for (int attempt = 1; !remaining.isEmpty(); attempt++) {
            List<TransactWriteItem> updates = remaining.stream().map(record -> TransactWriteItem.builder()
                    .update(u -> u.tableName(table).key(key(record.getEventId()))
                            .updateExpression(record.getBusEventId() == null
                                    ? "SET publishedAt = :now REMOVE outboxState, leaseUntil, leaseOwner"
                                    : "SET publishedAt = :now, busEventId = :busEventId "
                                            + "REMOVE outboxState, leaseUntil, leaseOwner")
                            .conditionExpression("leaseOwner = :owner")
                            .expressionAttributeValues(markValues(record, now, owner)))
                    .build()).toList();
            try {
                dynamo.transactWriteItems(b -> b.transactItems(updates));
                return lost;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                List<OutboxItem> retry = new ArrayList<>();
                for (int i = 0; i < remaining.size(); i++) {
                    boolean leaseLost = i < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(i).code());
                    (leaseLost ? lost : retry).add(remaining.get(i));
                }
                // Without a lost lease the cancellation was a conflict with another writer of the same records
                // (e.g. a sweep's claim): worth a few more tries.
                if (retry.size() == remaining.size() && attempt >= 3) {
                    throw e;
                }
                if (retry.size() == remaining.size()) {
                    Thread.sleep(20L << attempt);
                }
                remaining = retry;
            }
        }
        return lost;
    }

    private static Map<String, AttributeValue> markValues(OutboxItem record, Instant now, String owner) {
        return record.getBusEventId() == null
                ? Map.of(":now", s(Timestamps.format(now)), ":owner", s(owner))
                : Map.of(":now", s(Timestamps.format(now)), ":owner", s(owner), ":busEventId", s(record.getBusEventId()));
    }

    /** The record of an order's {@code OrderCreated} event, published or not; empty when there is none. */
    Optional<OutboxItem> find(String eventId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(eventId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(SCHEMA.mapToItem(item));
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
            // Another instance holds it now (or it was published) and takes care of it.
        }
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

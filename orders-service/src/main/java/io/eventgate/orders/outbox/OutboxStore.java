package io.eventgate.orders.outbox;

import io.eventgate.orders.table.OrdersTable;
import io.eventgate.orders.table.OutboxItem;
import io.eventgate.orders.table.TableSettings;
import io.eventgate.orders.table.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The relay's view of outbox records: find pending ones, claim one with a lease, mark a batch published, or put
 * one back for later. Claims and postponements are conditional on the lease, which is what keeps two relays from
 * publishing the same record at the same time.
 */
@Component
class OutboxStore {

    /** BatchWriteItem's limit. */
    static final int MAX_MARK_BATCH = 25;
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
     * Marks records published, which drops them from the pending index: one {@code BatchWriteItem} per 25 records,
     * each record written whole as published (no state, no lease, {@code publishedAt} set).
     *
     * <p>Unconditional on purpose — batch writes take no conditions, and none is needed: it is written only after
     * EventBridge accepted the event, so "published" is true whoever holds the lease. If another instance took the
     * record over meanwhile (our lease ran out), it publishes a duplicate with the same event id, which consumers
     * recognise; its own later mark or postponement changes nothing that matters (the postponement's lease
     * condition fails, the mark writes the same state).
     *
     * @return the records DynamoDB left unprocessed after a few tries (they stay pending and leased; once the lease
     *         runs out a sweep publishes them again)
     */
    List<OutboxItem> markPublished(List<OutboxItem> records, Instant now) throws InterruptedException {
        List<OutboxItem> left = new ArrayList<>();
        for (int from = 0; from < records.size(); from += MAX_MARK_BATCH) {
            left.addAll(markBatch(records.subList(from, Math.min(from + MAX_MARK_BATCH, records.size())), now));
        }
        return left;
    }

    private List<OutboxItem> markBatch(List<OutboxItem> records, Instant now) throws InterruptedException {
        Map<String, OutboxItem> byKey = new HashMap<>();
        List<WriteRequest> requests = new ArrayList<>(records.size());
        for (OutboxItem record : records) {
            OutboxItem published = published(record, now);
            byKey.put(published.getPk(), record);
            requests.add(WriteRequest.builder().putRequest(p -> p.item(SCHEMA.itemToMap(published, true))).build());
        }
        for (int attempt = 1; ; attempt++) {
            List<WriteRequest> batch = requests;
            Map<String, List<WriteRequest>> unprocessed = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, batch)))
                    .unprocessedItems();
            requests = unprocessed == null ? List.of() : unprocessed.getOrDefault(table, List.of());
            if (requests.isEmpty() || attempt == 3) {
                return requests.stream().map(r -> byKey.get(r.putRequest().item().get(OrdersTable.PARTITION_KEY).s()))
                        .toList();
            }
            Thread.sleep(50L << attempt); // DynamoDB's advice for unprocessed items: back off, then resend them
        }
    }

    private static OutboxItem published(OutboxItem record, Instant now) {
        OutboxItem published = new OutboxItem();
        published.setPk(record.getPk());
        published.setEventId(record.getEventId());
        published.setSource(record.getSource());
        published.setDetailType(record.getDetailType());
        published.setDetail(record.getDetail());
        published.setCreatedAt(record.getCreatedAt());
        published.setAttempts(record.getAttempts());
        published.setPublishedAt(Timestamps.format(now));
        return published;
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

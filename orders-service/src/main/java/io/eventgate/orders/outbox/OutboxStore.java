package io.eventgate.orders.outbox;

import static io.eventgate.orders.table.OutboxItem.LEASE_OWNER;
import static io.eventgate.orders.table.OutboxItem.LEASE_UNTIL;
import static io.eventgate.orders.table.OutboxItem.OUTBOX_STATE;
import static io.eventgate.orders.table.OutboxItem.PENDING;

import io.eventgate.orders.table.OrdersTable;
import io.eventgate.orders.table.OutboxItem;
import io.eventgate.orders.table.Timestamps;
import io.eventgate.web.retry.Pauses;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The relay's view of outbox records: find pending ones, claim one with a lease, mark a batch published, or put
 * one back for later. Every write is conditional on the lease, which is what keeps two relays from publishing the
 * same record at the same time. Records are read and written through the enhanced client's {@link OutboxItem}
 * schema, as where they are first written (with their order); a write of a whole record sets what it holds and
 * removes what it does not.
 */
@Component
class OutboxStore {

    /** The most records one mark writes: one PutEvents call's worth. */
    static final int MAX_MARK_BATCH = EventPublisher.MAX_BATCH;

    /** The first pause before writing a mark again after a conflict with another writer (40 ms, then 80 ms). */
    private static final Duration CONFLICT_PAUSE = Duration.ofMillis(40);

    private static final QueryConditional IS_PENDING = QueryConditional.keyEqualTo(k -> k.partitionValue(PENDING));

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<OutboxItem> outbox;
    private final DynamoDbIndex<OutboxItem> pendingIndex;

    OutboxStore(DynamoDbEnhancedClient client, OrdersTable table) {
        this.client = client;
        this.outbox = table.outbox();
        this.pendingIndex = outbox.index(OrdersTable.OUTBOX_INDEX);
    }

    /** Ids of up to {@code limit} unpublished records, oldest first, read from the sparse pending index. */
    List<String> pendingEventIds(int limit) {
        return firstPage(b -> b.limit(limit)).items().stream()
                .map(item -> item.getPk().substring(OrdersTable.outboxKey("").length()))
                .toList();
    }

    /**
     * How many records are unpublished and when the oldest of them was written: a paginated count on the sparse
     * pending index (it holds only unpublished records, so it costs in proportion to the backlog, not the table).
     */
    OutboxBacklog.Snapshot backlog() {
        Optional<Instant> oldest = firstPage(b -> b.limit(1)).items().stream().findFirst()
                .map(item -> Timestamps.parse(item.getCreatedAt()));
        long count = 0;
        for (Page<OutboxItem> page : pending(b -> b.select(Select.COUNT))) {
            count += page.count();
        }
        return new OutboxBacklog.Snapshot(count, oldest);
    }

    private Page<OutboxItem> firstPage(Consumer<QueryEnhancedRequest.Builder> more) {
        return pending(more).iterator().next();
    }

    private SdkIterable<Page<OutboxItem>> pending(Consumer<QueryEnhancedRequest.Builder> more) {
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder().queryConditional(IS_PENDING);
        more.accept(request);
        return pendingIndex.query(request.build());
    }

    /**
     * Claims a pending record whose lease is free or expired.
     *
     * @return the record, leased to {@code owner}, or empty when it is published, leased by someone else, or its
     *         retry is not due yet
     */
    Optional<OutboxItem> claim(String eventId, String owner, Instant now, Instant leaseUntil) {
        OutboxItem lease = new OutboxItem();
        lease.setPk(OrdersTable.outboxKey(eventId));
        lease.setLeaseUntil(leaseUntil.toEpochMilli());
        lease.setLeaseOwner(owner);
        Expression claimable = Expression.builder()
                .expression("#state = :pending AND (attribute_not_exists(#until) OR #until < :now)")
                .putExpressionName("#state", OUTBOX_STATE)
                .putExpressionName("#until", LEASE_UNTIL)
                .putExpressionValue(":pending", AttributeValue.fromS(PENDING))
                .putExpressionValue(":now", millis(now))
                .build();
        try {
            // Only the lease's two attributes are set (nulls ignored); the reply is the whole record as it now is.
            return Optional.of(outbox.updateItem(UpdateItemEnhancedRequest.builder(OutboxItem.class)
                    .item(lease).ignoreNulls(true).conditionExpression(claimable).build()));
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
            List<OutboxItem> batch = remaining;
            try {
                client.transactWriteItems(tx -> batch.forEach(record -> tx.addUpdateItem(outbox,
                        TransactUpdateItemEnhancedRequest.builder(OutboxItem.class)
                                .item(published(record, now)).ignoreNulls(false)
                                .conditionExpression(heldBy(owner)).build())));
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
                    Thread.sleep(Pauses.after(attempt, CONFLICT_PAUSE, CONFLICT_PAUSE.multipliedBy(4)));
                }
                remaining = retry;
            }
        }
        return lost;
    }

    /** The record of an order's {@code OrderCreated} event, published or not; empty when there is none. */
    Optional<OutboxItem> find(String eventId) {
        return Optional.ofNullable(outbox.getItem(Key.builder().partitionValue(OrdersTable.outboxKey(eventId)).build()));
    }

    /**
     * Leaves a record pending but not claimable before {@code retryAt}, counting the failed attempt. The record is
     * the one {@code owner} holds the lease on, so its attempts are the stored ones.
     */
    void postpone(OutboxItem record, String owner, Instant retryAt) {
        OutboxItem postponed = copy(record);
        postponed.setLeaseUntil(retryAt.toEpochMilli());
        postponed.setLeaseOwner(null);
        postponed.setAttempts((record.getAttempts() == null ? 0 : record.getAttempts()) + 1);
        try {
            outbox.updateItem(UpdateItemEnhancedRequest.builder(OutboxItem.class)
                    .item(postponed).ignoreNulls(false).conditionExpression(heldBy(owner)).build());
        } catch (ConditionalCheckFailedException leaseLost) {
            // Another instance holds it now (or it was published) and takes care of it.
        }
    }

    /** The record as published: no longer pending nor leased, with when (and as which bus event, if known). */
    private static OutboxItem published(OutboxItem record, Instant now) {
        OutboxItem published = copy(record);
        published.setPublishedAt(Timestamps.format(now));
        published.setOutboxState(null);
        published.setLeaseUntil(null);
        published.setLeaseOwner(null);
        return published;
    }

    private static OutboxItem copy(OutboxItem record) {
        return OrdersTable.OUTBOX_SCHEMA.mapToItem(OrdersTable.OUTBOX_SCHEMA.itemToMap(record, true));
    }

    private static Expression heldBy(String owner) {
        return Expression.builder().expression("#owner = :owner")
                .putExpressionName("#owner", LEASE_OWNER)
                .putExpressionValue(":owner", AttributeValue.fromS(owner))
                .build();
    }

    private static AttributeValue millis(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }
}

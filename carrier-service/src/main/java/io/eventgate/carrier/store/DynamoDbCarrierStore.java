package io.eventgate.carrier.store;

import static io.eventgate.carrier.store.ShipmentItems.s;

import io.eventgate.carrier.report.PendingReport;
import io.eventgate.carrier.report.ReportEnvelope;
import io.eventgate.carrier.report.ReportId;
import io.eventgate.carrier.report.ReportState;
import io.eventgate.carrier.report.ReportStatus;
import io.eventgate.carrier.report.ReportStore;
import io.eventgate.carrier.shipment.Shipment;
import io.eventgate.carrier.shipment.ShipmentEvent;
import io.eventgate.carrier.shipment.ShipmentRecord;
import io.eventgate.carrier.shipment.ShipmentStatus;
import io.eventgate.carrier.shipment.ShipmentStore;
import io.eventgate.carrier.shipment.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Shipments, reports and idempotency keys in the carrier's DynamoDB table (see {@link CarrierTable}). */
@Repository
class DynamoDbCarrierStore implements ShipmentStore, ReportStore {

    private static final Logger log = LoggerFactory.getLogger(DynamoDbCarrierStore.class);
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";
    private static final int RECEIVE_ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final String table;
    private final ReportEnvelope envelope;

    DynamoDbCarrierStore(DynamoDbClient dynamo, CarrierTable table, ReportEnvelope envelope) {
        this.dynamo = dynamo;
        this.table = table.name();
        this.envelope = envelope;
    }

    @Override
    public Receipt receive(Shipment shipment) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(putIfAbsent(ShipmentItems.toItem(shipment)));
        if (shipment.idempotencyKey() != null) {
            writes.add(putIfAbsent(Map.of(
                    CarrierTable.PK, s(CarrierTable.idempotencyKey(shipment.idempotencyKey())),
                    CarrierTable.SK, s(CarrierTable.IDEMPOTENCY_SK),
                    "orderId", s(shipment.orderId()),
                    "createdAt", s(shipment.receivedAt().toString()))));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return new Receipt.Created(shipment);
            } catch (TransactionCanceledException e) {
                if (has(e, CONDITION_FAILED)) {
                    return alreadyKnown(shipment);
                }
                // two deliveries of the same request racing each other: the loser tries again and then sees the winner
                if (!has(e, TRANSACTION_CONFLICT) || attempt == RECEIVE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Receipt alreadyKnown(Shipment shipment) {
        if (shipment.idempotencyKey() != null) {
            Optional<String> owner = Optional.ofNullable(dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                            .key(Map.of(CarrierTable.PK, s(CarrierTable.idempotencyKey(shipment.idempotencyKey())),
                                    CarrierTable.SK, s(CarrierTable.IDEMPOTENCY_SK))))
                    .item().get("orderId")).map(AttributeValue::s);
            if (owner.isPresent() && !owner.get().equals(shipment.orderId())) {
                return new Receipt.KeyUsedForOtherOrder(owner.get());
            }
        }
        Map<String, AttributeValue> stored = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(CarrierTable.PK, s(CarrierTable.orderKey(shipment.orderId())),
                        CarrierTable.SK, s(CarrierTable.SHIPMENT_SK)))).item();
        if (stored == null || stored.isEmpty()) {
            throw new IllegalStateException("receipt of order " + shipment.orderId()
                    + " was refused as a duplicate but no shipment is stored");
        }
        return new Receipt.AlreadyReceived(ShipmentItems.fromItem(stored));
    }

    @Override
    public boolean apply(Transition transition) {
        ShipmentEvent event = transition.event();
        String traceparent = transition.to().traceparent();
        String body = envelope.render(event.contract(), event.correlationId(), traceparent, event.data());
        TransactWriteItem shipment = TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(ShipmentItems.toItem(transition.to()))
                .conditionExpression("#status = :from")
                .expressionAttributeNames(Map.of("#status", CarrierTable.STATUS))
                .expressionAttributeValues(Map.of(":from", s(transition.from().status().name())))
                .build()).build();
        TransactWriteItem report = putIfAbsent(ReportItems.pendingItem(event, body, traceparent));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(shipment, report));
            return true;
        } catch (TransactionCanceledException e) {
            if (has(e, CONDITION_FAILED) || has(e, TRANSACTION_CONFLICT)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<ShipmentRecord> find(String orderId) {
        Shipment shipment = null;
        List<ReportStatus> reports = new ArrayList<>();
        var pages = dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", CarrierTable.PK))
                .expressionAttributeValues(Map.of(":pk", s(CarrierTable.orderKey(orderId)))));
        for (Map<String, AttributeValue> item : pages.items()) {
            String sk = item.get(CarrierTable.SK).s();
            if (sk.equals(CarrierTable.SHIPMENT_SK)) {
                shipment = ShipmentItems.fromItem(item);
            } else if (sk.startsWith(CarrierTable.REPORT_SK_PREFIX)) {
                reports.add(ReportItems.status(item));
            }
        }
        reports.sort(Comparator.comparing(ReportStatus::createdAt));
        return Optional.ofNullable(shipment).map(found -> new ShipmentRecord(found, reports));
    }

    @Override
    public List<Shipment> findByStatus(ShipmentStatus status, int limit) {
        return queryByStatus(statusQuery(status).scanIndexForward(false).limit(limit), limit);
    }

    @Override
    public List<Shipment> findInStatusSince(ShipmentStatus status, Instant cutoff, int limit) {
        return queryByStatus(QueryRequest.builder().tableName(table).indexName(CarrierTable.BY_STATUS)
                .keyConditionExpression("#status = :status AND #statusAt <= :cutoff")
                .expressionAttributeNames(Map.of("#status", CarrierTable.STATUS, "#statusAt", CarrierTable.STATUS_AT))
                .expressionAttributeValues(Map.of(":status", s(status.name()),
                        ":cutoff", AttributeValue.fromN(Long.toString(cutoff.toEpochMilli()))))
                .limit(limit), limit);
    }

    @Override
    public List<Shipment> findByStatusContaining(ShipmentStatus status, String sku) {
        // the index narrows to one status; the filter on the skus set then drops the others server-side
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(CarrierTable.BY_STATUS)
                .keyConditionExpression("#status = :status")
                .filterExpression("contains(skus, :sku)")
                .expressionAttributeNames(Map.of("#status", CarrierTable.STATUS))
                .expressionAttributeValues(Map.of(":status", s(status.name()), ":sku", s(sku)));
        return dynamo.queryPaginator(query.build()).items().stream().map(ShipmentItems::fromItem).toList();
    }

    private QueryRequest.Builder statusQuery(ShipmentStatus status) {
        return QueryRequest.builder().tableName(table).indexName(CarrierTable.BY_STATUS)
                .keyConditionExpression("#status = :status")
                .expressionAttributeNames(Map.of("#status", CarrierTable.STATUS))
                .expressionAttributeValues(Map.of(":status", s(status.name())));
    }

    private List<Shipment> queryByStatus(QueryRequest.Builder query, int limit) {
        return dynamo.queryPaginator(query.build()).items().stream().limit(limit).map(ShipmentItems::fromItem).toList();
    }

    @Override
    public List<PendingReport> pending(int limit) {
        return dynamo.query(b -> b.tableName(table).indexName(CarrierTable.PENDING_REPORTS)
                        .keyConditionExpression("#pending = :pending")
                        .expressionAttributeNames(Map.of("#pending", CarrierTable.PENDING))
                        .expressionAttributeValues(Map.of(":pending", s(ReportState.PENDING.name())))
                        .scanIndexForward(true)
                        .limit(limit))
                .items().stream().map(ReportItems::pending).toList();
    }

    @Override
    public Optional<PendingReport> reloadPending(ReportId id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(ReportItems.key(id))).item();
        if (item == null || item.isEmpty() || !ReportItems.isPending(item)) {
            return Optional.empty();
        }
        return Optional.of(ReportItems.pending(item));
    }

    @Override
    public void markSent(ReportId id, int attempts, Instant at, String eventId) {
        if (eventId == null) {
            finish(id, "SET #state = :state, #attempts = :attempts, #sentAt = :at, #updatedAt = :at "
                            + "REMOVE #pending, #pendingOrder",
                    Map.of(":state", s(ReportState.SENT.name()), ":attempts", number(attempts), ":at", s(at.toString())),
                    Map.of("#sentAt", ReportItems.SENT_AT));
            return;
        }
        finish(id, "SET #state = :state, #attempts = :attempts, #sentAt = :at, #updatedAt = :at, #eventId = :eventId "
                        + "REMOVE #pending, #pendingOrder",
                Map.of(":state", s(ReportState.SENT.name()), ":attempts", number(attempts), ":at", s(at.toString()),
                        ":eventId", s(eventId)),
                Map.of("#sentAt", ReportItems.SENT_AT, "#eventId", ReportItems.EVENT_ID));
    }

    @Override
    public Backlog backlog() {
        Optional<Instant> oldest = dynamo.query(pendingReports().limit(1).build()).items().stream().findFirst()
                .map(item -> Instant.parse(item.get("createdAt").s()));
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder page = pendingReports().select(Select.COUNT);
            if (start != null) {
                page.exclusiveStartKey(start);
            }
            var response = dynamo.query(page.build());
            count += response.count();
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return new Backlog(count, oldest);
    }

    /** The sparse pending-reports index, oldest first: it holds pending reports only. */
    private QueryRequest.Builder pendingReports() {
        return QueryRequest.builder().tableName(table).indexName(CarrierTable.PENDING_REPORTS)
                .keyConditionExpression("#pending = :pending")
                .expressionAttributeNames(Map.of("#pending", CarrierTable.PENDING))
                .expressionAttributeValues(Map.of(":pending", s(ReportState.PENDING.name())))
                .scanIndexForward(true);
    }

    @Override
    public void markFailed(ReportId id, int attempts, String error, Instant at) {
        finish(id, "SET #state = :state, #attempts = :attempts, #lastError = :error, #updatedAt = :at "
                        + "REMOVE #pending, #pendingOrder",
                Map.of(":state", s(ReportState.FAILED.name()), ":attempts", number(attempts), ":error", s(error),
                        ":at", s(at.toString())),
                Map.of("#lastError", ReportItems.LAST_ERROR));
    }

    @Override
    public void recordRetry(ReportId id, int attempts, String error, Instant at) {
        finish(id, "SET #attempts = :attempts, #lastError = :error, #updatedAt = :at",
                Map.of(":attempts", number(attempts), ":error", s(error), ":at", s(at.toString())),
                Map.of("#lastError", ReportItems.LAST_ERROR));
    }

    /** Updates a report that is still pending; one that is no longer pending was finished elsewhere and stays so. */
    private void finish(ReportId id, String update, Map<String, AttributeValue> values, Map<String, String> extraNames) {
        Map<String, String> names = new HashMap<>(extraNames);
        names.put("#state", ReportItems.STATE);
        names.put("#attempts", ReportItems.ATTEMPTS);
        names.put("#updatedAt", ReportItems.UPDATED_AT);
        if (update.contains("#pending")) {
            names.put("#pending", CarrierTable.PENDING);
            names.put("#pendingOrder", CarrierTable.PENDING_ORDER);
        }
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.put(":pendingState", s(ReportState.PENDING.name()));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(ReportItems.key(id))
                    .updateExpression(update)
                    .conditionExpression("#state = :pendingState")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(allValues));
        } catch (ConditionalCheckFailedException e) {
            log.debug("{} was no longer pending; left as it is", id);
        }
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", CarrierTable.PK))
                .build()).build();
    }

    private static boolean has(TransactionCanceledException e, String code) {
        return e.hasCancellationReasons()
                && e.cancellationReasons().stream().map(CancellationReason::code).anyMatch(code::equals);
    }

    private static AttributeValue number(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }
}

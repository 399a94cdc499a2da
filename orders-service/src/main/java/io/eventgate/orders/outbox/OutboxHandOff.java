package io.eventgate.orders.outbox;

import io.eventgate.contracts.TraceParent;
import io.eventgate.orders.order.OrderCreated;
import io.eventgate.orders.order.storage.OutboxRecords;
import io.eventgate.orders.table.OutboxItem;
import io.eventgate.web.tracing.CurrentTrace;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The write path's side of the outbox. A new order's record is written already leased to this instance's relay,
 * so no other instance's sweep takes it while it is on its way; once the transaction committed, the record itself
 * is handed to the relay, which publishes it without reading or claiming it again. Should the hand-off never happen
 * (crash, full queue, ambiguous commit), the record waits for its lease to run out and a sweep publishes it.
 */
@Component
class OutboxHandOff implements OutboxRecords {

    private final OrderCreatedOutbox records;
    private final OutboxRelay relay;
    private final OutboxSettings settings;
    private final Clock clock;
    private final CurrentTrace trace;

    OutboxHandOff(OrderCreatedOutbox records, OutboxRelay relay, OutboxSettings settings, Clock clock,
            CurrentTrace trace) {
        this.records = records;
        this.relay = relay;
        this.settings = settings;
        this.clock = clock;
        this.trace = trace;
    }

    /**
     * The {@code OrderCreated} record to store in the same transaction as the order, leased to this instance and
     * carrying the trace context of the request that placed the order.
     */
    @Override
    public OutboxItem recordFor(OrderCreated event) {
        OutboxItem item = records.recordFor(event.order(), trace.traceparent().flatMap(TraceParent::parse));
        item.setLeaseOwner(relay.owner());
        item.setLeaseUntil(clock.instant().plus(settings.lease()).toEpochMilli());
        return item;
    }

    @Override
    public void committed(OutboxItem record) {
        relay.handOff(record);
    }
}

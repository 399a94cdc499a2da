package io.eventgate.orders.outbox;

import io.eventgate.web.metrics.BacklogGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The outbox backlog as gauges, read from {@link OutboxBacklog} (the table-wide pending index, so every instance
 * reports the same figures — aggregate them with {@code max}, not {@code sum}):
 * <ul>
 *   <li>{@value #PENDING} — records not yet published;</li>
 *   <li>{@value #OLDEST_AGE} — seconds the oldest of them has waited, 0 when none.</li>
 * </ul>
 * Reading the backlog costs DynamoDB queries, so a reading is reused for {@code outbox.metrics-refresh}; a failed
 * reading reports NaN (the backlog is unknown, not empty).
 */
@Component
class OutboxMetrics implements MeterBinder {

    static final String PENDING = "eventgate.outbox.pending";
    static final String OLDEST_AGE = "eventgate.outbox.oldest.pending.age";

    private final BacklogGauges gauges;

    OutboxMetrics(OutboxBacklog backlog, OutboxSettings settings, Clock clock) {
        this.gauges = new BacklogGauges(
                new BacklogGauges.Names(PENDING, "Outbox records not yet published to the event bus (table-wide)",
                        "records", OLDEST_AGE,
                        "How long the oldest unpublished outbox record has waited; 0 when none is pending"),
                () -> {
                    OutboxBacklog.Snapshot snapshot = backlog.current();
                    return new BacklogGauges.Backlog(snapshot.pendingRecords(), snapshot.oldestCreatedAt());
                },
                settings.metricsRefresh(), clock);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauges.bindTo(registry);
    }
}

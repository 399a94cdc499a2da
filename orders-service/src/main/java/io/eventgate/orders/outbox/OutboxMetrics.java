package io.eventgate.orders.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

    private final OutboxBacklog backlog;
    private final Duration refresh;
    private final Clock clock;
    private Reading last;

    OutboxMetrics(OutboxBacklog backlog, OutboxSettings settings, Clock clock) {
        this.backlog = backlog;
        this.refresh = settings.metricsRefresh();
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(PENDING, this, metrics -> metrics.reading().pending())
                .description("Outbox records not yet published to the event bus (table-wide)")
                .baseUnit("records")
                .register(registry);
        Gauge.builder(OLDEST_AGE, this, metrics -> metrics.reading().oldestAgeSeconds(metrics.clock.instant()))
                .description("How long the oldest unpublished outbox record has waited; 0 when none is pending")
                .baseUnit("seconds")
                .register(registry);
    }

    private synchronized Reading reading() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.at().plus(refresh))) {
            last = read(now);
        }
        return last;
    }

    private Reading read(Instant now) {
        try {
            OutboxBacklog.Snapshot snapshot = backlog.current();
            return new Reading(now, snapshot.pendingRecords(), snapshot.oldestCreatedAt().orElse(null));
        } catch (RuntimeException e) {
            log.warn("cannot read the outbox backlog for its metrics: {}", e.toString());
            return new Reading(now, Double.NaN, null);
        }
    }

    private record Reading(Instant at, double pending, Instant oldest) {

        double oldestAgeSeconds(Instant now) {
            if (Double.isNaN(pending)) {
                return Double.NaN;
            }
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
        }
    }
}

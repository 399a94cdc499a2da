package io.eventgate.carrier.report;

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
 * The reports waiting for the gateway, as gauges read from the store's pending index:
 * <ul>
 *   <li>{@value #PENDING} — reports not yet accepted (nor refused for good);</li>
 *   <li>{@value #OLDEST_AGE} — seconds the oldest of them has waited, 0 when none.</li>
 * </ul>
 * A reading is reused for {@code eventgate.carrier.sender.metrics-refresh} (it costs queries); a failed reading
 * reports NaN. Attempts are counted by the {@value ReportObservation#NAME} timer.
 */
@Component
class ReportMetrics implements MeterBinder {

    static final String PENDING = "eventgate.carrier.reports.pending";
    static final String OLDEST_AGE = "eventgate.carrier.reports.oldest.pending.age";

    private static final Logger log = LoggerFactory.getLogger(ReportMetrics.class);

    private final ReportStore store;
    private final Duration refresh;
    private final Clock clock;
    private Reading last;

    ReportMetrics(ReportStore store, SenderSettings settings, Clock clock) {
        this.store = store;
        this.refresh = settings.metricsRefresh();
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(PENDING, this, metrics -> metrics.reading().pending())
                .description("Reports not yet accepted by the gateway")
                .baseUnit("reports")
                .register(registry);
        Gauge.builder(OLDEST_AGE, this, metrics -> metrics.reading().oldestAgeSeconds(metrics.clock.instant()))
                .description("How long the oldest pending report has waited; 0 when none is pending")
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
            ReportStore.Backlog backlog = store.backlog();
            return new Reading(now, backlog.pending(), backlog.oldestCreatedAt().orElse(null));
        } catch (RuntimeException e) {
            log.warn("cannot read the pending reports for their metrics: {}", e.toString());
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

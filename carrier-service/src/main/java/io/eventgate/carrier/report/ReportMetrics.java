package io.eventgate.carrier.report;

import io.eventgate.web.metrics.BacklogGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
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

    private final BacklogGauges gauges;

    ReportMetrics(ReportStore store, SenderSettings settings, Clock clock) {
        this.gauges = new BacklogGauges(
                new BacklogGauges.Names(PENDING, "Reports not yet accepted by the gateway", "reports", OLDEST_AGE,
                        "How long the oldest pending report has waited; 0 when none is pending"),
                () -> {
                    ReportStore.Backlog backlog = store.backlog();
                    return new BacklogGauges.Backlog(backlog.pending(), backlog.oldestCreatedAt());
                },
                settings.metricsRefresh(), clock);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauges.bindTo(registry);
    }
}

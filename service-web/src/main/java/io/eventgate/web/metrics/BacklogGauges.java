package io.eventgate.web.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two gauges over a backlog of work still to be handed on (orders' outbox, the carrier's reports): how many items
 * wait, and how many seconds the oldest has waited (0 when none). Reading a backlog costs queries, so a reading is
 * reused for {@code refresh}; a failed reading reports NaN for both.
 */
public final class BacklogGauges implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(BacklogGauges.class);

    private final Names names;
    private final Supplier<Backlog> source;
    private final Duration refresh;
    private final Clock clock;
    private Reading last;

    public BacklogGauges(Names names, Supplier<Backlog> source, Duration refresh, Clock clock) {
        this.names = names;
        this.source = source;
        this.refresh = refresh;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(names.pending(), this, gauges -> gauges.reading().pending())
                .description(names.pendingDescription())
                .baseUnit(names.unit())
                .register(registry);
        Gauge.builder(names.oldestAge(), this, gauges -> gauges.reading().oldestAgeSeconds(gauges.clock.instant()))
                .description(names.oldestAgeDescription())
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
            Backlog backlog = source.get();
            return new Reading(now, backlog.pending(), backlog.oldestCreatedAt().orElse(null));
        } catch (RuntimeException e) {
            log.warn("cannot read the backlog for {}: {}", names.pending(), e.toString());
            return new Reading(now, Double.NaN, null);
        }
    }

    /** How many items wait, and when the oldest of them was written. */
    public record Backlog(long pending, Optional<Instant> oldestCreatedAt) {
    }

    /** The gauges' names, descriptions and the unit of the items counted. */
    public record Names(String pending, String pendingDescription, String unit, String oldestAge,
            String oldestAgeDescription) {
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

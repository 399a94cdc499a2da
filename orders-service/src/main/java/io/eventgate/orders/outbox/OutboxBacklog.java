package io.eventgate.orders.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * How far publishing is behind: the seam for outbox metrics (pending count, oldest pending age). Reads the sparse
 * pending index, so every instance sees the same, table-wide backlog.
 */
@Component
public class OutboxBacklog {

    private final OutboxStore store;
    private final OutboxRelay relay;

    OutboxBacklog(OutboxStore store, OutboxRelay relay) {
        this.store = store;
        this.relay = relay;
    }

    /** Unpublished records in the table (all instances) and when the oldest of them was written. */
    public Snapshot current() {
        return store.backlog();
    }

    /** Records this instance was handed after their commit and has not finished publishing yet. */
    public int inFlightHere() {
        return relay.inFlight();
    }

    /**
     * @param pendingRecords   records not yet published
     * @param oldestCreatedAt  when the oldest of them was written; empty when nothing is pending
     */
    public record Snapshot(long pendingRecords, Optional<Instant> oldestCreatedAt) {

        /** How long the oldest pending record has waited, at {@code now}. */
        public Optional<Duration> oldestAge(Instant now) {
            return oldestCreatedAt.map(created -> Duration.between(created, now));
        }
    }
}

package io.eventgate.carrier.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The outbox of reports; reports are added by the shipment store together with the change they describe. */
public interface ReportStore {

    /** Up to {@code limit} pending reports, oldest first (reports of one order in the order they happened). */
    List<PendingReport> pending(int limit);

    /** The report as it is now, if it is still pending (a strongly consistent read). */
    Optional<PendingReport> reloadPending(ReportId id);

    /** The gateway accepted the report after {@code attempts} POSTs, as the bus event {@code eventId} (may be null). */
    void markSent(ReportId id, int attempts, Instant at, String eventId);

    /** How many reports are pending and when the oldest of them was recorded: what the report gauges show. */
    Backlog backlog();

    /** @param oldestCreatedAt empty when nothing is pending */
    record Backlog(long pending, java.util.Optional<Instant> oldestCreatedAt) {
    }

    /** The gateway refused the report for good; it stays stored, FAILED, for inspection. */
    void markFailed(ReportId id, int attempts, String error, Instant at);

    /** An attempt failed in a way worth retrying; the report stays pending. */
    void recordRetry(ReportId id, int attempts, String error, Instant at);
}

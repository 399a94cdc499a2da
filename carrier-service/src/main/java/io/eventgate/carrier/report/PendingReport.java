package io.eventgate.carrier.report;

import java.time.Instant;
import java.util.Objects;

/**
 * A report waiting to be accepted by the gateway.
 *
 * @param body     the gateway envelope, rendered when the report was recorded so that every attempt sends the same bytes
 * @param attempts POSTs made so far
 */
public record PendingReport(ReportId id, String body, int attempts, Instant createdAt) {

    public PendingReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}

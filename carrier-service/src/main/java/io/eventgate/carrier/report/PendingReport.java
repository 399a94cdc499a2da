package io.eventgate.carrier.report;

import java.time.Instant;
import java.util.Objects;

/**
 * A report waiting to be accepted by the gateway.
 *
 * @param body     the gateway envelope, rendered when the report was recorded so that every attempt sends the same bytes
 * @param attempts      POSTs made so far
 * @param correlationId the order's correlation id (what the body's metadata says), for the log
 * @param traceparent   the order's trace context (also in the body), sent as the {@code traceparent} header;
 *                      {@code null} when the shipment came without one
 */
public record PendingReport(ReportId id, String body, int attempts, Instant createdAt, String correlationId,
                            String traceparent) {

    public PendingReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}

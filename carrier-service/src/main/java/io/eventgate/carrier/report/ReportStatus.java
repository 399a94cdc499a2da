package io.eventgate.carrier.report;

import java.time.Instant;

/**
 * What became of one report, as shown by {@code GET /shipments/{orderId}}.
 *
 * @param attempts  how many POSTs were made so far
 * @param lastError the last refusal or failure ({@code HTTP 503}, {@code network: ...}), {@code null} if none
 * @param sentAt    when the gateway accepted it, {@code null} until then
 * @param eventId   the bus event id the gateway answered with when it accepted it, {@code null} until then
 */
public record ReportStatus(String eventName, ReportState state, int attempts, String lastError, Instant createdAt,
                           Instant sentAt, String eventId) {
}

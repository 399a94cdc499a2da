package io.eventgate.carrier.report;

/** Delivery state of one report to the gateway. */
public enum ReportState {
    /** Stored, not yet accepted by the gateway; the sender keeps trying. */
    PENDING,
    /** Accepted by the gateway (2xx). */
    SENT,
    /** Refused by the gateway as a contract error (4xx other than 408/429); kept for inspection, not retried. */
    FAILED
}

/**
 * Reports to the event gateway: an outbox of rendered gateway envelopes (written by the store in the same
 * transaction as the shipment change) and the single background {@link io.eventgate.carrier.report.ReportSender}
 * that POSTs them in order, retrying network errors, 5xx and 429 with jittered backoff for as long as it takes
 * and setting aside reports the gateway refuses as contract errors. Knows nothing about shipments.
 */
package io.eventgate.carrier.report;

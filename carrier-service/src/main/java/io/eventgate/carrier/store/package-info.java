/**
 * The DynamoDB adapter behind {@link io.eventgate.carrier.shipment.ShipmentStore} and
 * {@link io.eventgate.carrier.report.ReportStore}: one table ({@code carrier-shipments}) holding shipments, their
 * reports and the idempotency keys seen, written with transactions so that a state change and its report are
 * stored together or not at all. The only package that sees AWS SDK types.
 */
package io.eventgate.carrier.store;

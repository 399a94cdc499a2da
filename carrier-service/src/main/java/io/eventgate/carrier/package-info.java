/**
 * carrier-service: the HTTP-only partner of the Event Gateway pattern. Features live in sub-packages:
 * {@code shipment} (the shipments and their lifecycle), {@code report} (the outbox of progress reports and the
 * background sender that POSTs them to the gateway), {@code store} (the DynamoDB adapter), {@code security}
 * (the inbound API key), {@code product} (discontinuing products), {@code simulator} (optional automatic
 * progress) and {@code web} (problem details and the OpenAPI document).
 */
package io.eventgate.carrier;

/**
 * Shipments: what the carrier was asked to ship, and its lifecycle {@code RECEIVED → SHIPPED → DELIVERED} or
 * {@code RECEIVED → CANCELLED}. Every transition yields a {@link io.eventgate.carrier.shipment.ShipmentEvent} that
 * the {@link io.eventgate.carrier.shipment.ShipmentStore} records together with the new state, so that the report
 * to the gateway can never be lost. The HTTP API lives here too; it knows nothing of the storage.
 */
package io.eventgate.carrier.shipment;

package io.eventgate.carrier.shipment;

/**
 * A change of a shipment's state and the event it must be reported as; stored together or not at all.
 *
 * @param from the shipment as it was read; its status is the store's optimistic-concurrency condition
 * @param to   the shipment after the change
 */
public record Transition(Shipment from, Shipment to, ShipmentEvent event) {
}

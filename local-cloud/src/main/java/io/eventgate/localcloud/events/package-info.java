/**
 * local-cloud's own EventBridge: event buses, rules matched by AWS's {@code event-ruler}, targets, {@code PutEvents}
 * and tags, served as the JSON 1.1 {@code AWSEvents.*} protocol.
 *
 * <p>{@link io.eventgate.localcloud.events.EventBridge} wires it; sub-packages {@code input} (what a target receives)
 * and {@code delivery} (asynchronous delivery, retries, dead-letter queues).
 */
package io.eventgate.localcloud.events;

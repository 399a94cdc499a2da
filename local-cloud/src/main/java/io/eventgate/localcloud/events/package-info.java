/**
 * local-cloud's own EventBridge: event buses, rules matched by AWS's {@code event-ruler}, targets, {@code PutEvents}
 * and tags, served as the JSON 1.1 {@code AWSEvents.*} protocol.
 *
 * <p>{@link io.eventgate.localcloud.events.EventBridge} wires it; sub-packages {@code input} (what a target receives),
 * {@code delivery} (asynchronous delivery, retries, dead-letter queues, the delivery log), {@code apidestination} and
 * {@code connection} (API destinations and their authorization), {@code archive} (archives and replays) and
 * {@code control} (what their control-plane operations share).
 */
package io.eventgate.localcloud.events;

/**
 * Asynchronous, at-least-once delivery of matched events to rule targets.
 *
 * <p>{@link io.eventgate.localcloud.events.delivery.DeliveryDispatcher} owns the in-flight bound (callers wait, events
 * are never dropped for lack of room), the retry schedule of each target's {@code RetryPolicy} and the hand-off to its
 * {@code DeadLetterConfig} queue. How one kind of target is reached is a
 * {@link io.eventgate.localcloud.events.delivery.TargetDelivery} strategy: SQS queues
 * ({@link io.eventgate.localcloud.events.delivery.SqsTargetDelivery}) and event buses
 * ({@link io.eventgate.localcloud.events.delivery.EventBusTargetDelivery}) today; API destinations plug in the same way.
 */
package io.eventgate.localcloud.events.delivery;

/**
 * Live order tracking: the open update streams of this instance ({@link io.eventgate.orders.tracking.UpdateStreams}),
 * fed by the change feed with every order change any instance stored, their HTTP route
 * ({@code GET /orders/{id}/updates}) and the tracking page's route. An order's
 * progress is a set of {@link io.eventgate.orders.tracking.Step steps} that only grows; the set a client has seen is
 * its position in the stream (the event id), which is what makes resuming after a reconnect exact.
 */
package io.eventgate.orders.tracking;

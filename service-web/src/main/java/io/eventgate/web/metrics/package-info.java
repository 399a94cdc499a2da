/** Metrics both services publish the same way: the backlog of work still to be handed on ({@link io.eventgate.web.metrics.BacklogGauges}). */
package io.eventgate.web.metrics;

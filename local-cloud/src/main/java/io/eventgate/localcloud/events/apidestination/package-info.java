/**
 * EventBridge API destinations: the control plane ({@code CreateApiDestination} ... {@code ListApiDestinations})
 * and the invocation of a destination as EventBridge does it — method, EventBridge's own headers, the connection's
 * authorization, the target's {@code HttpParameters}, a 5 s timeout, AWS's retry classification of the answer and
 * the per-destination {@code InvocationRateLimitPerSecond}.
 */
package io.eventgate.localcloud.events.apidestination;

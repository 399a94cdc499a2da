/**
 * The SQS inbox: carrier events that the bus rule {@code carrier-events-to-orders} delivers to {@code orders-inbox}
 * as EventBridge envelopes. Each is checked against its event contract and applied to its order at most once;
 * anything unreadable is left unacknowledged so that the queue's redrive policy moves it to the DLQ.
 */
package io.eventgate.orders.inbox;

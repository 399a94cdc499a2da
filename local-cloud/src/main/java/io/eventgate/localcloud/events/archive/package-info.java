/**
 * EventBridge archives and replays: events put on a bus are kept by every archive of that bus whose pattern they
 * match (for its retention period), and a replay sends the events of a time window back to the bus — optionally
 * only to chosen rules — each carrying {@code replay-name}.
 */
package io.eventgate.localcloud.events.archive;

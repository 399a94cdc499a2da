/**
 * EventBridge resources of the topology (bus, archive, connection, API destination, rules with their targets) and the
 * archive replay command.
 */
package io.eventgate.infra.events;

/**
 * EventBridge connections: the authorization (API key, basic, OAuth client credentials) and extra invocation
 * parameters that API destinations send with every call.
 *
 * <p>Secrets (API key values, passwords, client secrets, parameters marked secret) live only in {@link
 * io.eventgate.localcloud.events.connection.Secret} holders, whose {@code toString} never reveals them; no
 * Describe or List answer and no log line contains them.
 */
package io.eventgate.localcloud.events.connection;

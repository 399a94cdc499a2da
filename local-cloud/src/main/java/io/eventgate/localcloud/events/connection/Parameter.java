package io.eventgate.localcloud.events.connection;

/**
 * One header, query string or body parameter of a connection. A secret parameter's value is never returned.
 *
 * @param key    parameter name
 * @param value  its value, held as a {@link Secret} whether or not it is marked secret
 * @param secret whether Describe must hide the value ({@code IsValueSecret})
 */
record Parameter(String key, Secret value, boolean secret) {
}

/**
 * The edge: one HTTP port, requests routed to services by {@code X-Amz-Target}, path or protocol, and AWS's error
 * shapes for everything no service takes.
 */
package io.eventgate.localcloud.edge;

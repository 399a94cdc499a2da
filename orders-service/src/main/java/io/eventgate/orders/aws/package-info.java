/**
 * AWS wiring: the one place where SDK clients get their endpoint, region and credentials
 * ({@code eventgate.aws.*}), and the optional creation of the table and queues for local runs.
 */
package io.eventgate.orders.aws;

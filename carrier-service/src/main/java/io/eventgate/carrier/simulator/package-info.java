/**
 * An optional stand-in for the depot's staff: when enabled it dispatches received shipments and delivers shipped
 * ones after configurable delays, through the same use cases as the HTTP operations. Off by default.
 */
package io.eventgate.carrier.simulator;

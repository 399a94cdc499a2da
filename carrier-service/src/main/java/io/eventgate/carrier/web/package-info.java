/**
 * Cross-cutting HTTP concerns: the one place that turns exceptions into RFC 9457 problem details, and the
 * OpenAPI document's description.
 */
package io.eventgate.carrier.web;

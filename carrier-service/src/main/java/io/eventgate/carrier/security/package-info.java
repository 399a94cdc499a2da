/**
 * Inbound authentication: the API destination's connection sends the carrier's API key as {@code x-api-key} on
 * {@code POST /shipments}; it is compared in constant time and checked before the body is even read.
 */
package io.eventgate.carrier.security;

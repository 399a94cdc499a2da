/**
 * Who may call the carrier (the README's trust model), with Spring Security: the EventBridge API destination
 * presents the inbound API key as {@code x-api-key} on {@code POST /shipments} — checked before the body is read;
 * the back office (listings, dispatch, deliver, discontinue) needs its own, separate credential over HTTP Basic, so
 * that curl and a browser page can both use it. Both secrets are compared in constant time.
 */
package io.eventgate.carrier.security;

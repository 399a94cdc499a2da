/**
 * The back-office page: static files under {@code static/back-office/} (no build step) that call the back-office API
 * from the browser with the back-office credential, which the browser asks for once (HTTP Basic).
 */
package io.eventgate.carrier.backoffice;

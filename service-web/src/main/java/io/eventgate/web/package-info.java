/**
 * The HTTP edge both services share, done once: {@link io.eventgate.web.ServiceWebConfiguration} puts an RFC 9457
 * problem+json renderer in front of every refusal the web server makes itself ({@code container}), caps request
 * bodies and refuses JSON that is not strict UTF-8 ({@code body}), states the rules every string field follows
 * ({@code text}), and gives the services' Spring Security configurations their constant-time credential checks and
 * problem-rendering entry points ({@code security}). Each service imports it explicitly.
 */
package io.eventgate.web;

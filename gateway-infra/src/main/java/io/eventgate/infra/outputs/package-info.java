/**
 * What the services, Postman and people need to talk to an applied topology (endpoint, gateway URL, keys, queue
 * URLs), as JSON and as a {@code .env} file; the same file keeps secrets that {@code apply} generated.
 */
package io.eventgate.infra.outputs;

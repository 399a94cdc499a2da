/**
 * The event contract of eventgate: every event's {@code detail} is {@code {"metadata":{...},"data":{...}}},
 * described by one JSON Schema file per event and version. See {@link io.eventgate.contracts.EventContract}.
 */
package io.eventgate.contracts;

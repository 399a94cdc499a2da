package io.eventgate.localcloud.events.apidestination;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One API destination as stored. Immutable: an update stores a new instance.
 *
 * @param invocationEndpoint the URL, possibly with {@code *} path wildcards
 * @param rateLimitPerSecond {@code InvocationRateLimitPerSecond}; empty means not limited
 */
record ApiDestination(String name, String arn, Optional<String> description, String connectionArn,
                      String invocationEndpoint, String httpMethod, OptionalInt rateLimitPerSecond,
                      Instant creationTime, Instant lastModifiedTime) {

    static final String STATE = "ACTIVE";
}

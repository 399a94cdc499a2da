package io.eventgate.localcloud.events.connection;

import java.time.Instant;
import java.util.Optional;

/**
 * One connection as stored. Immutable: an update stores a new instance.
 *
 * @param secretArn the (simulated) Secrets Manager secret holding the credentials, as AWS reports it
 */
record Connection(String name, String arn, Optional<String> description, ConnectionAuth auth,
                  InvocationParameters invocationParameters, String secretArn, Instant creationTime,
                  Instant lastModifiedTime, Instant lastAuthorizedTime) {

    /** Connections here are authorized as soon as they exist; OAuth tokens are fetched on first use. */
    static final String STATE = "AUTHORIZED";
}

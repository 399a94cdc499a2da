package io.eventgate.localcloud.events.connection;

import java.time.Instant;
import java.util.Optional;

/**
 * One connection as stored. Immutable: an update stores a new instance.
 *
 * @param secretArn   the (simulated) Secrets Manager secret holding the credentials, as AWS reports it; empty once
 *                    the connection was deauthorized (AWS removes the secret then)
 * @param state       {@code AUTHORIZED}, {@code AUTHORIZING} (an OAuth connection fetching its first token) or
 *                    {@code DEAUTHORIZED}
 * @param stateReason why the connection is in its state, when it is not plainly authorized
 */
record Connection(String name, String arn, Optional<String> description, ConnectionAuth auth,
                  InvocationParameters invocationParameters, Optional<String> secretArn, String state,
                  Optional<String> stateReason, Instant creationTime, Instant lastModifiedTime,
                  Instant lastAuthorizedTime) {

    static final String AUTHORIZED = "AUTHORIZED";
    static final String AUTHORIZING = "AUTHORIZING";
    static final String DEAUTHORIZING = "DEAUTHORIZING";
    static final String DEAUTHORIZED = "DEAUTHORIZED";

    boolean deauthorized() {
        return DEAUTHORIZED.equals(state);
    }

    Connection authorized(String secret, Instant now) {
        return new Connection(name, arn, description, auth, invocationParameters, Optional.of(secret), AUTHORIZED,
                Optional.empty(), creationTime, lastModifiedTime, now);
    }

    Connection deauthorized(String reason, Instant now) {
        return new Connection(name, arn, description, auth, invocationParameters, Optional.empty(), DEAUTHORIZED,
                Optional.of(reason), creationTime, now, lastAuthorizedTime);
    }
}

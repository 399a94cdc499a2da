package io.eventgate.infra.trace;

import java.time.Instant;
import java.util.Optional;

/**
 * One step of an order's journey.
 *
 * @param at     when it happened; empty while it has not
 * @param detail what else is known (event ids, attempts, the last error)
 */
record Hop(String name, State state, Optional<Instant> at, String detail) {

    enum State {
        /** It happened. */
        DONE,
        /** Not yet, and nothing says anything went wrong (yet). */
        WAITING,
        /** It has not happened and something says it will not by itself: an error, or too long a wait. */
        STUCK
    }

    static Hop done(String name, Instant at, String detail) {
        return new Hop(name, State.DONE, Optional.of(at), detail);
    }

    static Hop waiting(String name, String detail) {
        return new Hop(name, State.WAITING, Optional.empty(), detail);
    }

    static Hop stuck(String name, String detail) {
        return new Hop(name, State.STUCK, Optional.empty(), detail);
    }
}

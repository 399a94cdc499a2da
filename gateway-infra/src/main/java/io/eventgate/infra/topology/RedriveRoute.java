package io.eventgate.infra.topology;

/** Where the messages of a DLQ go back to once the cause of their failure is fixed. */
public sealed interface RedriveRoute {

    /**
     * Back into a queue: the orders inbox DLQ holds event envelopes, both the ones orders-service gave up on and the
     * ones EventBridge could not deliver, and the inbox takes exactly those.
     */
    record ToQueue(String queue) implements RedriveRoute {
    }

    /**
     * Through the rule again, by replaying the archived events of the failed ones' time span to that rule only: the
     * events keep their ids, so the carrier recognises repeats by their {@code Idempotency-Key}.
     */
    record ByReplay(String rule) implements RedriveRoute {
    }
}

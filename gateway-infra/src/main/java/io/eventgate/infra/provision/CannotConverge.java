package io.eventgate.infra.provision;

/**
 * The live resource differs in a way {@code apply} will not fix by itself, typically because fixing it would destroy
 * data (a table's key schema). The message says what differs and what the operator can do.
 */
public final class CannotConverge extends RuntimeException {

    public CannotConverge(String message) {
        super(message);
    }
}

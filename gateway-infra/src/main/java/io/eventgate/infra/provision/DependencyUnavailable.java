package io.eventgate.infra.provision;

/** A resource needs a fact that an earlier resource should have provided but did not (it failed or was skipped). */
public final class DependencyUnavailable extends RuntimeException {

    private final String fact;

    DependencyUnavailable(String fact) {
        super("needs " + fact + ", which an earlier resource did not provide");
        this.fact = fact;
    }

    public String fact() {
        return fact;
    }
}

package io.eventgate.infra.settings;

/**
 * Keeps a secret that {@code apply} generated, before the secret is handed to AWS, so that a crash between the two
 * cannot leave a credential nobody knows. Implemented by the outputs file.
 */
@FunctionalInterface
public interface SecretKeeper {

    /** Stores the value under the variable name; returns only once it is durable. */
    void keep(String variable, String value);
}

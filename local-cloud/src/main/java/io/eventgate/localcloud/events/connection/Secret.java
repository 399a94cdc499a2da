package io.eventgate.localcloud.events.connection;

import java.util.Objects;

/** A secret value: readable by the code that sends it, invisible to {@code toString}, logs and responses. */
public final class Secret {

    private final String value;

    Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    /** The secret itself, for the one place that puts it on the wire. */
    String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                secret.value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0; // constant on purpose: a hash would leak information about the value
    }

    @Override
    public String toString() {
        return "****";
    }
}

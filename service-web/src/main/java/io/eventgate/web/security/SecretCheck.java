package io.eventgate.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Compares a presented secret with the configured one in constant time. Both sides are hashed first so that
 * neither the content nor the length of the secret shows in the timing.
 */
public final class SecretCheck {

    private final byte[] expectedDigest;

    public SecretCheck(String expected) {
        this.expectedDigest = sha256(expected);
    }

    public boolean matches(String presented) {
        // a missing value is hashed like any other, so it costs the same as a wrong one
        boolean equal = MessageDigest.isEqual(expectedDigest, sha256(presented == null ? "" : presented));
        return presented != null && equal;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
